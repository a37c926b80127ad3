namespace SafeCallLogger;

/// <summary>
/// Thrown by an <see cref="ICallSink"/> that found its storage deleted or replaced under it (the database file
/// removed, renamed or swapped for another) and has already switched to storage at the configured place. The batch
/// was not written, or was written to the storage that is gone: the writer writes it again at once, without counting
/// an error, raises a <see cref="CallLoggerAlertKind.StorageReplaced"/> alert and logs it.
/// </summary>
public sealed class StorageReplacedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageReplacedException()
        : base("The storage was deleted or replaced; writing to a new one at the configured place.")
    {
    }

    /// <summary>Creates the exception with a message that says what was found.</summary>
    /// <param name="message">What was found, for the alert and the log.</param>
    public StorageReplacedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was found.</param>
    /// <param name="innerException">The cause.</param>
    public StorageReplacedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
