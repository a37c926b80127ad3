namespace SafeCallLogger.Journal;

/// <summary>
/// Thrown when a journal directory is opened while another opener (this process or another one) holds its lock file:
/// one process per journal directory. Nothing was read or changed. Use another directory, or stop the other process;
/// the lock is released when its holder closes the journal or dies.
/// </summary>
internal sealed class JournalLockedException : IOException
{
    /// <summary>Creates the exception for <paramref name="directory"/>.</summary>
    /// <param name="directory">The journal directory whose lock is held.</param>
    /// <param name="innerException">The operating system's refusal, when there was one.</param>
    public JournalLockedException(string directory, Exception? innerException = null)
        : base($"The journal directory '{directory}' is in use by another process or opener (its lock file '{JournalFiles.LockName}' is held).", innerException) =>
        Directory = directory;

    /// <summary>The journal directory whose lock is held.</summary>
    public string Directory { get; }
}
