namespace SafeCallLogger;

/// <summary>Names under which the logger reports itself.</summary>
public static class CallLoggerDiagnostics
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>SafeCallLogger</c>. Instruments:
    /// <c>safecalllogger.operations.accepted</c>, <c>.rejected</c>, <c>.written</c>, <c>.dropped</c> (attribute
    /// <c>safecalllogger.drop.reason</c>), <c>safecalllogger.writes.failed</c>, <c>safecalllogger.queue.depth</c>,
    /// <c>safecalllogger.batch.duration</c> (a histogram in seconds), <c>safecalllogger.batch.size</c>, and with a
    /// journal <c>safecalllogger.journal.appended</c>, <c>.replayed</c>, <c>.pending</c>, <c>.size</c> and
    /// <c>.corrupt</c>. A logger built by the container takes its meter from the container's
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> when one is registered (the generic host registers one);
    /// otherwise it creates its own.
    /// </summary>
    public const string MeterName = "SafeCallLogger";
}
