using System.Globalization;
using System.Text;

namespace SafeCallLogger;

/// <summary>Renders <see cref="CallStats"/> as the <c>/ml_stats</c> admin message: plain text, one fact per line, ready for a chat message.</summary>
public static class CallStatsFormatter
{
    /// <summary>
    /// Formats <paramref name="stats"/> as the admin message: logger status and counts (when known), what is stored,
    /// and the recommendations (or "No action needed."). Uses the invariant culture. Never throws for a non-null argument.
    /// </summary>
    /// <param name="stats">The stats from <see cref="CallStoreExtensions.GetStatsAsync"/> (or a store's own <c>GetStatsAsync</c>).</param>
    public static string Format(CallStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("ML CALL LOGGER - STATS");
        if (stats.LoggerState is { } state)
        {
            text.AppendLine(c, $"Status: {(stats.LoggerEnabled == true ? "enabled" : "DISABLED")} ({state})");
            text.AppendLine(c, $"Health: {stats.HealthPercent:0.#}% ({stats.Succeeded} writes ok, {stats.Failed} failed)");
            text.AppendLine(c, $"Operations: {stats.Accepted} accepted, {stats.Written} written, {stats.Rejected} rejected, {stats.Dropped} dropped");
            text.AppendLine(c, $"Queue: {stats.QueueDepth} / {stats.QueueCapacity}{(stats.QueueWarningDepth is { } warning ? string.Create(c, $" (nearly full from {warning})") : string.Empty)}");
            if (stats.JournalPending is { } pending and > 0)
            {
                text.AppendLine(c, $"Journal: {pending} operations waiting, {stats.JournalBytes.GetValueOrDefault() / 1024.0 / 1024.0:0.#} MiB");
            }

            if (stats.LastError is { } error)
            {
                text.AppendLine(c, $"Last error: {error}");
            }
        }
        else
        {
            text.AppendLine("Status: unknown (no logger health given)");
        }

        text.AppendLine(c, $"Total calls stored: {stats.TotalCalls}");
        if (stats.CallsByType.Count > 0)
        {
            text.AppendLine("By type: " + string.Join(", ", stats.CallsByType.OrderByDescending(static p => p.Value).Select(p => string.Create(c, $"{p.Key} {p.Value}"))));
        }

        text.AppendLine(c, $"Sports covered: {stats.SportsCovered.Count}{(stats.SportsCovered.Count > 0 ? " (" + string.Join(", ", stats.SportsCovered.Take(10)) + (stats.SportsCovered.Count > 10 ? ", ..." : string.Empty) + ")" : string.Empty)}");
        text.AppendLine(c, $"Calls with clicks: {stats.CallsWithClicks}");
        text.AppendLine(stats.ConversionRatePercent is { } rate
            ? string.Create(c, $"Conversion rate: {rate:0.##}% ({stats.TotalUsersBet} bets / {stats.TotalUsersNotified} notified)")
            : "Conversion rate: n/a (nobody notified yet)");
        text.AppendLine(c, $"Results known: {stats.ResultsKnown}, total profit: {stats.TotalProfit:0.##}");
        text.AppendLine(stats.LastCallAt is { } last ? string.Create(c, $"Last call: {last.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : "Last call: none");
        text.AppendLine("Recommendations:");
        if (stats.Recommendations.Count == 0)
        {
            text.AppendLine("- No action needed.");
        }

        foreach (var advice in stats.Recommendations)
        {
            text.Append("- ").AppendLine(advice);
        }

        return text.ToString().TrimEnd();
    }
}
