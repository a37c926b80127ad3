using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// Which bookmakers move their lines fast (<see cref="ICallAnalytics.GetLineMovementAsync"/>): a stacked bar per
/// bookmaker (<c>line-movement-by-bookmaker</c>, series <c>fast</c>, <c>normal</c>, <c>slow</c>, counts of calls),
/// with the table of counts and the fast share. Section id: <c>line-movement</c>.
/// </summary>
internal static class LineMovementSection
{
    public const string Id = "line-movement";
    public const string Title = "Line movement by bookmaker";

    public static void Write(StringBuilder html, IReadOnlyList<LineMovementRow> rows)
    {
        Page.OpenSection(html, Id, Title, "Which bookmakers move their lines fast? Calls with a recorded line movement speed, per bookmaker on either side.");
        if (rows.Sum(row => row.Recorded) == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        var drawn = rows.Take(Page.MaxBars).ToList();
        StackedBarChart.Write(
            html,
            "line-movement-by-bookmaker",
            "Line movement speed by bookmaker (calls)",
            drawn.Select(row => row.Bookmaker).ToList(),
            [
                new ChartSeries("fast", drawn.Select(row => (double)row.Fast).ToList()),
                new ChartSeries("normal", drawn.Select(row => (double)row.Normal).ToList()),
                new ChartSeries("slow", drawn.Select(row => (double)row.Slow).ToList()),
            ]);
        Table.TruncationNote(html, drawn.Count, rows.Count);
        Table.Write(
            html,
            Id,
            ["Bookmaker", "Fast", "Normal", "Slow", "Recorded", "Fast share"],
            rows.Take(Page.MaxTableRows).Select(row => (IReadOnlyList<string>)
            [
                row.Bookmaker, Format.Count(row.Fast), Format.Count(row.Normal), Format.Count(row.Slow),
                Format.Count(row.Recorded), Format.Rate(row.FastShare),
            ]));
        Page.CloseSection(html);
    }
}
