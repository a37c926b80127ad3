using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// What the settled calls earned, by one dimension (<see cref="ICallAnalytics.GetResultsAsync"/>): profit
/// (<c>profit-by-{dimension}</c>, <c>data-value</c> = <see cref="ResultsRow.Profit"/>) and yield
/// (<c>yield-by-{dimension}</c>, <see cref="ResultsRow.YieldPercent"/>, only groups with a stake), with the table of
/// settled, won, lost, staked and ROI. Section id: <c>results-by-{dimension}</c>.
/// </summary>
internal static class ResultsSection
{
    public static string Id(CallDimension dimension) => "results-by-" + Dimensions.Slug(dimension);

    public static string Title(CallDimension dimension) => "Results by " + Dimensions.Name(dimension);

    public static void Write(StringBuilder html, CallDimension dimension, IReadOnlyList<ResultsRow> rows)
    {
        var slug = Dimensions.Slug(dimension);
        Page.OpenSection(html, Id(dimension), Title(dimension), "Profit and yield (profit per unit staked) of the settled calls, by " + Dimensions.Name(dimension) + ".");
        if (rows.Sum(row => row.Settled) == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        var drawn = rows.Take(Page.MaxBars).ToList();
        Page.Heading(html, "Profit");
        BarChart.Write(
            html,
            "profit-by-" + slug,
            "Profit by " + Dimensions.Name(dimension),
            drawn.Select(row => new ChartBar(Dimensions.Key(row.Key), Dimensions.Key(row.Key), row.Profit, Format.Money(row.Profit))).ToList(),
            Format.Compact);
        Page.Heading(html, "Yield");
        var withStake = drawn.Where(row => row.YieldPercent is not null).ToList();
        if (withStake.Count == 0)
        {
            html.Append("<p class=\"note\">No settled call has a stake, so there is no yield.</p>");
        }
        else
        {
            BarChart.Write(
                html,
                "yield-by-" + slug,
                "Yield by " + Dimensions.Name(dimension) + " (%)",
                withStake.Select(row => new ChartBar(Dimensions.Key(row.Key), Dimensions.Key(row.Key), row.YieldPercent!.Value, Format.Percent(row.YieldPercent))).ToList(),
                value => Format.Compact(value) + "%");
        }

        Table.TruncationNote(html, drawn.Count, rows.Count);
        Table.Write(
            html,
            Id(dimension),
            [Dimensions.Heading(dimension), "Settled", "Won", "Lost", "Staked", "Profit", "Yield", "Mean ROI", "Announced ROI"],
            rows.Take(Page.MaxTableRows).Select(row => (IReadOnlyList<string>)
            [
                Dimensions.Key(row.Key), Format.Count(row.Settled), Format.Count(row.Won), Format.Count(row.Lost),
                Format.Money(row.Staked).TrimStart('+'), Format.Money(row.Profit), Format.Percent(row.YieldPercent),
                Format.Percent(row.MeanRoiPercent), Format.Percent(row.ExpectedRoiPercent),
            ]));
        Page.CloseSection(html);
    }
}
