namespace SafeCallLogger.Journal;

/// <summary>
/// Thrown by an append that would take the journal past its byte cap. Nothing was written and nothing already in the
/// journal was dropped: the caller decides (refuse the call as queue-full, alert). Appends succeed again once a
/// checkpoint has deleted committed segments.
/// </summary>
public sealed class JournalFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="directory">The journal directory.</param>
    /// <param name="capBytes">The cap in bytes.</param>
    /// <param name="usedBytes">The bytes the journal's segments take now.</param>
    public JournalFullException(string directory, long capBytes, long usedBytes)
        : base($"The journal '{directory}' is full: {usedBytes:N0} of its {capBytes:N0}-byte cap used.")
    {
        Directory = directory;
        CapBytes = capBytes;
        UsedBytes = usedBytes;
    }

    /// <summary>The journal directory.</summary>
    public string Directory { get; }

    /// <summary>The cap in bytes.</summary>
    public long CapBytes { get; }

    /// <summary>The bytes the journal's segments took when the append was refused.</summary>
    public long UsedBytes { get; }
}
