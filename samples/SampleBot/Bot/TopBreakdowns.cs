using System.Globalization;
using SafeCallLogger;

namespace SampleBot.Bot;

/// <summary>
/// The best sport, bookmaker pair and ROI band by conversion, as lines for the recommendations of <c>/ml_stats</c>.
/// A group needs at least <see cref="MinimumCalls"/> calls to win, so one lucky call cannot.
/// </summary>
internal static class TopBreakdowns
{
    /// <summary>The fewest calls a group must have to be named best: 20.</summary>
    public const int MinimumCalls = 20;

    public static async Task<IReadOnlyList<string>> ReadAsync(ICallAnalytics analytics, CancellationToken cancellationToken)
    {
        var lines = new List<string>(3);
        (CallDimension Dimension, string Label)[] breakdowns = [(CallDimension.Sport, "sport"), (CallDimension.BookmakerPair, "bookmaker pair"), (CallDimension.RoiBand, "ROI band")];

        // The three questions in one call: the SQLite store answers them from one read of the calls.
        var answers = await analytics.AnswerAsync(new AnalyticsQuestions { ConversionBy = [.. breakdowns.Select(static b => b.Dimension)] }, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var (dimension, label) in breakdowns)
        {
            var rows = answers.Conversion[dimension];
            var best = rows
                .Where(static r => r.Key is not null && r.Calls >= MinimumCalls && r.UsersNotified > 0)
                .OrderByDescending(static r => r.ConversionRate)
                .ThenByDescending(static r => r.Calls)
                .FirstOrDefault();
            if (best is not null)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"Best {label}: {best.Key}, {best.ConversionRate * 100:0.#}% conversion ({best.Calls} calls)"));
            }
        }

        if (lines.Count == 0)
        {
            lines.Add($"Best sport, bookmaker pair and ROI band: not enough data yet ({MinimumCalls} calls per group needed).");
        }

        return lines;
    }
}
