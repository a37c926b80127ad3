using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Takes a backup every <see cref="SqliteSinkOptions.BackupInterval"/> into <see cref="SqliteSinkOptions.BackupDirectory"/>
/// and keeps the newest <see cref="SqliteSinkOptions.BackupsToKeep"/>. The due time is read back from the newest file
/// name, so restarting the bot does not take a backup each time. The copy runs on its own connection off the writer.
/// </summary>
internal sealed class BackupSchedule
{
    /// <summary>How long after a failed scheduled backup it is tried again (never later than the interval).</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromHours(1);

    private const string StampFormat = "yyyyMMdd-HHmmss";

    private readonly string _connectionString;
    private readonly SqliteSinkOptions _options;
    private readonly ILogger _logger;
    private readonly string _directory;
    private readonly string _prefix;
    private DateTimeOffset? _nextDue;
    private Task _running = Task.CompletedTask;

    public BackupSchedule(string connectionString, SqliteSinkOptions options, ILogger logger)
    {
        _connectionString = connectionString;
        _options = options;
        _logger = logger;
        _directory = Path.GetFullPath(options.BackupDirectory!, AppContext.BaseDirectory);
        _prefix = Prefix(connectionString);
    }

    /// <summary>
    /// The start of this database's backup names: its file name and a hash of its full path
    /// (<c>arbitrage_bot-1a2b3c4d-</c>), so that two databases with the same file name sharing a backup directory
    /// neither overwrite nor prune each other's backups.
    /// </summary>
    public static string Prefix(string connectionString)
    {
        var source = SqliteConnections.DataSourcePath(connectionString);
        if (source is null)
        {
            return "memory-";
        }

        // A stable hash (not string.GetHashCode, which changes per process): the prefix must survive restarts.
        var hash = (uint)System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(source));
        return Path.GetFileNameWithoutExtension(source) + "-" + hash.ToString("x8", CultureInfo.InvariantCulture) + "-";
    }

    /// <summary>The running or last backup; completes without throwing.</summary>
    public Task Running => _running;

    /// <summary>Starts a backup when one is due and none is running. Never throws.</summary>
    public void StartIfDue(DateTimeOffset now)
    {
        try
        {
            if (!_running.IsCompleted)
            {
                return;
            }

            _nextDue ??= NewestBackup(now) is { } newest ? newest + _options.BackupInterval : now;
            if (now < _nextDue)
            {
                return;
            }

            // The due time moves only when the copy is done: on success by the interval, on failure by RetryDelay, so a
            // failed backup is retried soon instead of an interval (14 days by default) later.
            var path = Path.Combine(_directory, _prefix + now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + ".db");
            using (ExecutionContext.SuppressFlow())
            {
                _running = Task.Run(() => _nextDue = now + (Run(path) ? _options.BackupInterval : Min(RetryDelay, _options.BackupInterval)));
            }
        }
#pragma warning disable CA1031 // A backup problem must never fail a write.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.BackupFailed(_logger, ex);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Takes the backup and prunes old ones; <see langword="false"/> (logged) when the backup failed. Never throws.</summary>
    private bool Run(string path)
    {
        try
        {
            using (var connection = SqliteConnections.Open(_connectionString, _options.BusyTimeout, enableWal: false))
            {
                SqliteBackup.CopyTo(connection, path, CancellationToken.None);
            }

            SqliteLog.BackupDone(_logger, path);
        }
#pragma warning disable CA1031 // Reported to the log; tried again after RetryDelay.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.BackupFailed(_logger, ex);
            return false;
        }

        try
        {
            foreach (var old in Backups().OrderByDescending(static f => f.Stamp).Skip(_options.BackupsToKeep))
            {
                File.Delete(old.Path);
            }
        }
#pragma warning disable CA1031 // The backup itself succeeded: pruning is tried again after the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.BackupFailed(_logger, ex);
        }

        return true;
    }

    /// <summary>The newest backup not stamped in the future: a file named with a future date (a clock that was wrong, a copied file) must not hold off backups until that date.</summary>
    private DateTimeOffset? NewestBackup(DateTimeOffset now) =>
        Backups().Where(f => f.Stamp <= now).Select(static f => (DateTimeOffset?)f.Stamp).Max();

    private IEnumerable<(string Path, DateTimeOffset Stamp)> Backups()
    {
        if (!Directory.Exists(_directory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(_directory, _prefix + "*.db"))
        {
            var stamp = Path.GetFileNameWithoutExtension(file)[_prefix.Length..];
            if (DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                yield return (file, new DateTimeOffset(time, TimeSpan.Zero));
            }
        }
    }
}
