using System.Globalization;

namespace SafeCallLogger;

/// <summary>How the stats of any store are put together with the logger's health.</summary>
public sealed partial record CallStats
{
    /// <summary>
    /// Combines a store's <paramref name="totals"/> with the logger's <paramref name="health"/> (when given) and adds
    /// the recommendations (logger disabled, no call in 24 hours by <see cref="CallStoreTotals.ReadAt"/>, error rate
    /// high, journal waiting, queue near full). Never throws for a non-null <paramref name="totals"/>.
    /// </summary>
    /// <param name="totals">What the store holds.</param>
    /// <param name="health">The logger's health; the default is <see langword="null"/>: logger fields stay <see langword="null"/>.</param>
    public static CallStats Create(CallStoreTotals totals, CallLoggerHealth? health = null)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var journal = health?.JournalMode is not null and not JournalMode.Off;
        var stats = new CallStats
        {
            GeneratedAt = totals.ReadAt,
            LoggerState = health?.State,
            LoggerEnabled = health?.IsEnabled,
            HealthPercent = health?.HealthPercent,
            Accepted = health?.Accepted,
            Written = health?.Written,
            Rejected = health?.Rejected,
            Dropped = health?.Dropped,
            Failed = health?.Errors,
            Succeeded = health?.Successes,
            QueueDepth = health?.QueueDepth,
            QueueCapacity = health?.QueueCapacity,
            QueueWarningDepth = health?.QueueWarningDepth,
            LastError = health?.LastError,
            JournalPending = journal ? health!.JournalPending : null,
            JournalBytes = journal ? health!.JournalBytes : null,
            TotalCalls = totals.TotalCalls,
            CallsByType = totals.CallsByType,
            SportsCovered = totals.SportsCovered,
            CallsWithClicks = totals.CallsWithClicks,
            TotalUsersNotified = totals.TotalUsersNotified,
            TotalUsersBet = totals.TotalUsersBet,
            ConversionRatePercent = totals.TotalUsersNotified > 0 ? 100.0 * totals.TotalUsersBet / totals.TotalUsersNotified : null,
            ResultsKnown = totals.ResultsKnown,
            TotalProfit = totals.TotalProfit,
            LastCallAt = totals.LastCallAt,
        };
        return stats with { Recommendations = Recommend(stats, health, totals.ReadAt) };
    }

    private static List<string> Recommend(CallStats stats, CallLoggerHealth? health, DateTimeOffset now)
    {
        var advice = new List<string>();
        if (health is not null && health.State == CallLoggerState.Disabled)
        {
            advice.Add("The logger is disabled after repeated storage errors: check that the database file exists, is writable and has free disk space. It re-enables itself once a write works again.");
        }

        if (stats.LastCallAt is not { } last || now - last > TimeSpan.FromHours(24))
        {
            advice.Add("No call stored in the last 24 hours: check that the bot calls LogCallSafe after each alert it sends.");
        }

        if (health is not null && health.Successes + health.Errors >= 10 && health.HealthPercent < 90)
        {
            advice.Add(string.Create(CultureInfo.InvariantCulture, $"Error rate is high ({100 - health.HealthPercent:0.#}% of writes failed): check the logs for the last error and whether another process keeps the database locked."));
        }

        if (health is { JournalPending: > 0 } && health.JournalMode != JournalMode.Off)
        {
            advice.Add(string.Create(CultureInfo.InvariantCulture, $"{health.JournalPending:N0} operations wait in the journal for storage: nothing is lost, they are written in order as soon as the database takes writes again."));
        }

        if (health is { IsQueueNearlyFull: true } && health.JournalMode == JournalMode.Off)
        {
            advice.Add(string.Create(CultureInfo.InvariantCulture, $"The queue is near full ({health.QueueDepth} of {health.QueueCapacity}): storage is slower than the calls coming in; raise QueueCapacity or look for a lock held on the database."));
        }

        return advice;
    }
}
