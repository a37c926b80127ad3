namespace SafeCallLogger.Journal;

/// <summary>The journal's last error, kept instead of thrown: the logger reads it for its health and alerts.</summary>
internal sealed class JournalErrors
{
    private Exception? _last;

    public Exception? Last => Volatile.Read(ref _last);

    public void Keep(Exception error) => Volatile.Write(ref _last, error);

    /// <summary>Runs a file operation, keeping an I/O failure instead of throwing it; whether it succeeded.</summary>
    public bool Guard(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Keep(ex);
            return false;
        }
    }
}
