namespace SafeCallLogger;

/// <summary>Whether, and when, accepted operations go through the local journal (<see cref="JournalOptions"/>).</summary>
public enum JournalMode
{
    /// <summary>
    /// <see cref="Spill"/> when the sink names a place for its journal (the SQLite sink does: beside its database
    /// file), otherwise <see cref="Off"/>, or <see cref="Spill"/> when <see cref="JournalOptions.Directory"/> is set.
    /// The default.
    /// </summary>
    Auto = 0,

    /// <summary>No journal: accepted operations live in memory until the sink commits them, and a full queue refuses calls.</summary>
    Off = 1,

    /// <summary>
    /// Operations go through memory while the sink keeps up. When a write fails, the queue passes
    /// <see cref="JournalOptions.SpillQueueRatio"/>, or a call finds the queue full, the logger starts journaling every
    /// new operation, and replays the journal, in order, as the sink takes it. A crash loses at most what was queued in
    /// memory when journaling began; calls are refused only at <see cref="JournalOptions.MaxBytes"/>.
    /// </summary>
    Spill = 2,

    /// <summary>
    /// Every operation is in the journal (in memory the operating system owns) before its <c>...Safe</c> call returns,
    /// so a process crash (<c>kill -9</c>) loses nothing that was accepted. Still non-blocking: no disk flush and no
    /// file lock on the caller's thread. A power loss can lose what was written in the last
    /// <see cref="JournalOptions.SyncInterval"/>.
    /// </summary>
    Durable = 3,
}
