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
        _directory = Path.GetFullPath(options.BackupDirectory!);
        var source = SqliteConnections.DataSourcePath(connectionString);
        _prefix = (source is null ? "memory" : Path.GetFileNameWithoutExtension(source)) + "-";
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

            _nextDue ??= NewestBackup() is { } newest ? newest + _options.BackupInterval : now;
            if (now < _nextDue)
            {
                return;
            }

            _nextDue = now + _options.BackupInterval;
            var path = Path.Combine(_directory, _prefix + now.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + ".db");
            using (ExecutionContext.SuppressFlow())
            {
                _running = Task.Run(() => Run(path));
            }
        }
#pragma warning disable CA1031 // A backup problem must never fail a write.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.BackupFailed(_logger, ex);
        }
    }

    private void Run(string path)
    {
        try
        {
            using (var connection = SqliteConnections.Open(_connectionString, _options.BusyTimeout, enableWal: false))
            {
                SqliteBackup.CopyTo(connection, path, CancellationToken.None);
            }

            SqliteLog.BackupDone(_logger, path);
            foreach (var old in Backups().OrderByDescending(static f => f.Stamp).Skip(_options.BackupsToKeep))
            {
                File.Delete(old.Path);
            }
        }
#pragma warning disable CA1031 // Reported to the log; tried again at the next interval.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SqliteLog.BackupFailed(_logger, ex);
        }
    }

    private DateTimeOffset? NewestBackup()
    {
        var newest = Backups().Select(static f => (DateTimeOffset?)f.Stamp).Max();
        return newest;
    }

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
