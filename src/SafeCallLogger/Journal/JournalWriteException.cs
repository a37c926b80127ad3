namespace SafeCallLogger.Journal;

/// <summary>
/// Thrown when the journal's files could not be written, flushed or opened (disk full, directory unwritable, device
/// error). The failed append left no partial record behind it when the file could be rolled back, and the next append
/// tries again; the caller can fall back to memory and alert. <see cref="Exception.InnerException"/> has the cause.
/// </summary>
internal sealed class JournalWriteException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public JournalWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
