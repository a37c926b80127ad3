namespace SafeCallLogger.Journal;

/// <summary>
/// One process per journal directory: <c>journal.lock</c> held open with <see cref="FileShare.None"/>. On Linux and
/// macOS .NET takes an exclusive <c>flock</c> for it, so a second opener conflicts in this process, in another .NET
/// process and with the <c>flock</c> command alike; the kernel drops it when the process dies, so a crash never leaves
/// a stale lock. The file itself is never deleted (deleting it would let two openers lock two different files).
/// </summary>
internal sealed class JournalLock : IDisposable
{
    private readonly FileStream _stream;

    private JournalLock(FileStream stream) => _stream = stream;

    /// <exception cref="JournalLockedException">Another opener holds the directory.</exception>
    public static JournalLock Acquire(string directory)
    {
        var path = Path.Combine(directory, JournalFiles.LockName);
        try
        {
            return new JournalLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new JournalLockedException(directory, ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
