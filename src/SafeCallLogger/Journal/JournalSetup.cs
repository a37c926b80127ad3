using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;

namespace SafeCallLogger.Journal;

/// <summary>What the logger runs with: the journal's mode and directory as resolved from the options and the sink, and the journal itself, or why not.</summary>
internal sealed record JournalSetup(JournalMode Mode, string? Directory, IOperationJournal? Journal, Exception? Error)
{
    /// <summary>
    /// Resolves the mode and directory and opens the journal. A journal that cannot be opened (held by another
    /// process, unwritable, disk full) is not an error for the caller: the logger runs in memory and says why.
    /// </summary>
    /// <exception cref="ArgumentException">Spill or Durable with no directory: a configuration error, surfaced at startup.</exception>
    public static JournalSetup Open(JournalOptions options, ICallSink sink, TimeProvider time, ILogger logger)
    {
        var directory = options.Directory is { } configured
            ? Path.GetFullPath(configured, AppContext.BaseDirectory)
            : (sink as IJournalPlacement)?.JournalDirectory;
        var mode = options.Mode switch
        {
            JournalMode.Auto => directory is null ? JournalMode.Off : JournalMode.Spill,
            _ => options.Mode,
        };

        if (mode == JournalMode.Off)
        {
            return new JournalSetup(JournalMode.Off, null, null, null);
        }

        if (directory is null)
        {
            throw new ArgumentException(
                $"Journal.Mode is {mode} but the sink {sink.GetType().Name} names no place for the journal: set Journal.Directory.", nameof(options));
        }

        try
        {
            // Beside the database only where the database can be: creating its missing folder would hide a wrong path.
            if (options.Directory is null && Path.GetDirectoryName(directory) is { } parent && !System.IO.Directory.Exists(parent))
            {
                throw new DirectoryNotFoundException($"The folder '{parent}' of the sink's journal does not exist.");
            }

            var journal = JournalStore.Open(directory, Settings(options), time);
            var recovery = journal.Recovery;
            JournalLog.Opened(logger, directory, mode, journal.LastSequence - journal.CommittedSequence, recovery.CorruptRecords, recovery.TruncatedTailBytes);
            return new JournalSetup(mode, directory, journal, null);
        }
        catch (Exception ex) when (ex is JournalLockedException or JournalWriteException or IOException or UnauthorizedAccessException)
        {
            JournalLog.Unavailable(logger, ex, directory, ex.Message);
            return new JournalSetup(JournalMode.Off, directory, null, ex);
        }
    }

    private static JournalStoreSettings Settings(JournalOptions options) => new()
    {
        SegmentBytes = options.SegmentBytes,
        CapBytes = options.MaxBytes,
        SyncInterval = options.SyncInterval,
    };
}
