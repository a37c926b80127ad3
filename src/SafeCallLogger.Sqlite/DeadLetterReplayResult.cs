namespace SafeCallLogger.Sqlite;

/// <summary>What <see cref="SqliteCallStore.ReplayDeadLettersAsync"/> did.</summary>
/// <param name="Applied">Letters whose operation is now stored (or was already), and whose row was deleted.</param>
/// <param name="StillFailing">Letters storage still refuses for what they hold; their rows are kept.</param>
public sealed record DeadLetterReplayResult(int Applied, int StillFailing);
