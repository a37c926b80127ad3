using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Whether the alerts beat the closing line, by one dimension (<see cref="ICallAnalytics.GetClvAsync"/>): mean CLV
/// (<c>clv-mean-by-{dimension}</c>, in percent) and the share of values above 0 (<c>clv-positive-by-{dimension}</c>,
/// 0 to 1), with the table of values, mean, median and share. Section id: <c>clv-by-{dimension}</c>.
/// </summary>
internal static class ClvSection
{
    public static string Id(CallDimension dimension) => "clv-by-" + Dimensions.Slug(dimension);

    public static string Title(CallDimension dimension) => "Closing line value by " + Dimensions.Name(dimension);

    public static void Write(StringBuilder html, CallDimension dimension, IReadOnlyList<ClvRow> rows)
    {
        var slug = Dimensions.Slug(dimension);
        Page.OpenSection(html, Id(dimension), Title(dimension), "Did the odds alerted beat the closing line? Each side's CLV counts once" + (dimension == CallDimension.Bookmaker ? ", under its own bookmaker." : "."));
        if (rows.Sum(row => row.Values) == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        var drawn = rows.Take(Page.MaxBars).ToList();
        Page.Heading(html, "Mean CLV");
        BarChart.Write(
            html,
            "clv-mean-by-" + slug,
            "Mean CLV by " + Dimensions.Name(dimension) + " (%)",
            drawn.Select(row => new ChartBar(Dimensions.Key(row.Key), Dimensions.Key(row.Key), row.MeanPercent, Format.Percent(row.MeanPercent))).ToList(),
            value => Format.Compact(value) + "%");
        Page.Heading(html, "Share of values beating the close");
        BarChart.Write(
            html,
            "clv-positive-by-" + slug,
            "Share of positive CLV by " + Dimensions.Name(dimension),
            drawn.Select(row => new ChartBar(Dimensions.Key(row.Key), Dimensions.Key(row.Key), row.SharePositive, Format.Rate(row.SharePositive))).ToList(),
            Format.Rate);
        Table.TruncationNote(html, drawn.Count, rows.Count);
        Table.Write(
            html,
            Id(dimension),
            [Dimensions.Heading(dimension), "Values", "Mean", "Median", "Positive"],
            rows.Take(Page.MaxTableRows).Select(row => (IReadOnlyList<string>)
            [
                Dimensions.Key(row.Key), Format.Count(row.Values), Format.Percent(row.MeanPercent),
                Format.Percent(row.MedianPercent), Format.Rate(row.SharePositive),
            ]));
        Page.CloseSection(html);
    }
}
