namespace SafeCallLogger;

/// <summary>What <see cref="ICallLogger.FlushAsync(TimeSpan, CancellationToken)"/> found when it returned. Counts are since the logger started.</summary>
/// <param name="Completed"><see langword="true"/> when everything accepted before the flush began was settled (written or lost) within the timeout.</param>
/// <param name="Written">Operations written to the sink.</param>
/// <param name="Pending">Accepted operations not yet settled: queued, being written, or waiting for a retry.</param>
/// <param name="NotAccepted">Operations never queued: rejected as invalid, or refused because the logger was full, disabled or stopped.</param>
/// <param name="Lost">Operations accepted and then lost: overwritten in <see cref="QueueFullMode.DropOldest"/> mode, quarantined as poison after repeated sink failures, or abandoned when shutdown ran out of time.</param>
public readonly record struct FlushResult(bool Completed, long Written, long Pending, long NotAccepted, long Lost);
