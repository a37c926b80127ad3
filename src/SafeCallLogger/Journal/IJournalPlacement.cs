namespace SafeCallLogger.Journal;

/// <summary>
/// Implemented by a sink that names a place for the logger's journal (the SQLite sink: beside its database file), so
/// <see cref="JournalMode.Auto"/> turns spilling on for it however the logger is built.
/// </summary>
internal interface IJournalPlacement
{
    /// <summary>The journal directory for this sink, as a full path; <see langword="null"/> when it has none (an in-memory database).</summary>
    string? JournalDirectory { get; }
}
