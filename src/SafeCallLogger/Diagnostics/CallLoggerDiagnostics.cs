namespace SafeCallLogger;

/// <summary>Names under which the logger reports itself.</summary>
public static class CallLoggerDiagnostics
{
    /// <summary>
    /// The <see cref="System.Diagnostics.Metrics.Meter"/> name: <c>SafeCallLogger</c>. Instruments:
    /// <c>safecalllogger.operations.accepted</c>, <c>.rejected</c>, <c>.written</c>, <c>.dropped</c> (tag <c>reason</c>),
    /// <c>safecalllogger.writes.failed</c>, <c>safecalllogger.queue.depth</c>, <c>safecalllogger.batch.duration</c> (ms)
    /// and <c>safecalllogger.batch.size</c>.
    /// </summary>
    public const string MeterName = "SafeCallLogger";
}
