using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Which calls convert, by one dimension (<see cref="ICallAnalytics.GetConversionAsync"/>): a bar per group of users
/// who bet per user notified (<c>data-value</c> is <see cref="ConversionRow.ConversionRate"/>, 0 to 1), and the
/// table of calls, clicked calls and users each rate rests on. Section and chart id: <c>conversion-by-{dimension}</c>.
/// </summary>
internal static class ConversionSection
{
    public static string Id(CallDimension dimension) => "conversion-by-" + Dimensions.Slug(dimension);

    public static string Title(CallDimension dimension) => "Conversion by " + Dimensions.Name(dimension);

    public static void Write(StringBuilder html, CallDimension dimension, IReadOnlyList<ConversionRow> rows)
    {
        var id = Id(dimension);
        Page.OpenSection(html, id, Title(dimension), Question(dimension));
        if (rows.Sum(row => row.Calls) == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        var ordered = Dimensions.IsOrdered(dimension);
        var drawn = ordered ? rows : rows.Take(Page.MaxBars).ToList();
        var bars = drawn.Select(row => new ChartBar(
            Dimensions.Key(row.Key),
            dimension == CallDimension.Weekday ? Dimensions.Key(row.Key)[..Math.Min(3, Dimensions.Key(row.Key).Length)] : Dimensions.Key(row.Key),
            row.ConversionRate,
            Format.Rate(row.ConversionRate))).ToList();
        var title = Title(dimension) + " (users who bet per user notified)";
        if (ordered)
        {
            ColumnChart.Write(html, id, title, bars, Format.Rate);
        }
        else
        {
            BarChart.Write(html, id, title, bars, Format.Rate);
            Table.TruncationNote(html, drawn.Count, rows.Count);
        }

        Table.Write(
            html,
            id,
            [Dimensions.Heading(dimension), "Calls", "Clicked calls", "Clicked %", "Notified", "Bet", "Conversion"],
            rows.Take(Page.MaxTableRows).Select(row => (IReadOnlyList<string>)
            [
                Dimensions.Key(row.Key), Format.Count(row.Calls), Format.Count(row.CallsWithClicks), Format.Rate(row.ClickedCallRate),
                Format.Count(row.UsersNotified), Format.Count(row.UsersBet), Format.Rate(row.ConversionRate),
            ]));
        Page.CloseSection(html);
    }

    private static string Question(CallDimension dimension) => dimension switch
    {
        CallDimension.HourOfDay => "At which hours do alerts convert? (every hour of the day, in the report's time zone)",
        CallDimension.Weekday => "On which days of the week do alerts convert?",
        CallDimension.RoiBand => "Do alerts with a higher announced ROI convert better?",
        CallDimension.Bookmaker => "Which bookmakers' alerts convert? (a call counts under each of its two bookmakers)",
        _ => "Which " + Dimensions.Name(dimension) + " converts? (users who bet per user notified; most calls first)",
    };
}
