using System.Globalization;
using SafeCallLogger.Configuration;
using SafeCallLogger.Sqlite.Internal;
using SafeCallLogger.Storage;

namespace SafeCallLogger.Sqlite;

/// <summary>
/// Settings of <see cref="SqliteCallSink"/> and <see cref="SqliteCallStore"/>. Checked once by <see cref="Validate"/>,
/// which reports every problem at once; the sink and the store throw <see cref="ArgumentException"/> at construction
/// when it finds any, never later on the logging path.
/// </summary>
public sealed class SqliteSinkOptions : CallStoreOptions
{
    /// <summary>The longest accepted <see cref="TableName"/>, so that companion table names stay short.</summary>
    public const int MaxTableNameLength = 40;

    /// <summary>
    /// The calls table. Companion tables are named after it (<c>{table}_notified_users</c>, <c>{table}_clicks</c>,
    /// <c>{table}_pending_ops</c>, <c>{table}_applied_ops</c>). Must be a plain SQL identifier: a letter or
    /// underscore, then letters, digits or underscores, at most <see cref="MaxTableNameLength"/> characters, not
    /// starting with <c>sqlite_</c>; it is never spliced into SQL otherwise. The default is <c>arbitrage_calls</c>.
    /// </summary>
    public string TableName { get; set; } = "arbitrage_calls";

    /// <summary>
    /// How long one statement waits for a lock held by another connection (the sqlite3 shell, a Python job, the
    /// bot's own tables) before SQLite reports SQLITE_BUSY. One write waits at most <see cref="WorstCaseLockWait"/>
    /// (this timeout on each of the <see cref="LockRetryCount"/> + 1 attempts, plus the backoff delays), which must stay
    /// below the logger's <c>CallLoggerOptions.WriteTimeout</c> (30 s by default) or a held lock is reported as a
    /// timeout rather than SQLITE_BUSY. The default is 2 seconds (worst case about 13.6 s with the other defaults).
    /// Between 0 and 5 minutes.
    /// </summary>
    [DurationLimit("00:00:00", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many times a batch is retried inside one write when the database stays busy or locked past
    /// <see cref="BusyTimeout"/>. After that the write throws and the logger's own retry takes over. Counts toward
    /// <see cref="WorstCaseLockWait"/>. The default is 5. Between 0 and 100.
    /// </summary>
    [Limit(0, 100)]
    public int LockRetryCount { get; set; } = 5;

    /// <summary>The first delay before a lock retry; it doubles on each retry up to <see cref="LockRetryMaxDelay"/>. The default is 50 ms. Between 0 and 1 minute.</summary>
    [DurationLimit("00:00:00", "00:01:00")]
    public TimeSpan LockRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest delay between two lock retries; never shorter than <see cref="LockRetryBaseDelay"/>. The default is 2 seconds. Between 0 and 5 minutes.</summary>
    [DurationLimit("00:00:00", "00:05:00")]
    public TimeSpan LockRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest one write can wait for a lock held by another connection before it throws SQLITE_BUSY: every
    /// attempt (<see cref="LockRetryCount"/> + 1) waits up to <see cref="BusyTimeout"/> (when it is not a whole
    /// number of seconds, Microsoft.Data.Sqlite's own busy loop, which counts whole seconds and at least one, may add
    /// up to that rounded-up time), plus every backoff delay. Keep it well below the logger's
    /// <c>CallLoggerOptions.WriteTimeout</c> (30 s by default). About 13.6 s with the defaults. Never throws.
    /// </summary>
    public TimeSpan WorstCaseLockWait
    {
        get
        {
            var busy = BusyTimeout < TimeSpan.Zero ? TimeSpan.Zero : BusyTimeout;
            var wholeSeconds = Math.Max(1, Math.Ceiling(busy.TotalSeconds));
            var perAttempt = busy.Ticks % TimeSpan.TicksPerSecond == 0 && busy >= TimeSpan.FromSeconds(1)
                ? busy
                : TimeSpan.FromSeconds(wholeSeconds) + busy;
            var attempts = Math.Max(0, LockRetryCount) + 1;
            var total = perAttempt.TotalSeconds * attempts;
            for (var attempt = 0; attempt < attempts - 1; attempt++)
            {
                total += SafeCallLogger.Writing.RetrySchedule.Exponential(LockRetryBaseDelay, LockRetryMaxDelay, attempt + 1).TotalSeconds;
            }

            return total >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(total);
        }
    }

    /// <summary>
    /// Where the sink writes scheduled backups (<c>{database}-{path hash}-yyyyMMdd-HHmmss.db</c>), created when
    /// missing; a relative path is resolved against <see cref="AppContext.BaseDirectory"/>. The
    /// default is <see langword="null"/>: no scheduled backup (<see cref="SqliteCallStore.BackupAsync"/> still works
    /// on demand).
    /// </summary>
    public string? BackupDirectory { get; set; }

    /// <summary>
    /// How often a scheduled backup is taken when <see cref="BackupDirectory"/> is set. A failed backup is tried again
    /// an hour later (or after this interval if shorter). The default is 14 days. Between 1 minute and 365 days.
    /// </summary>
    [DurationLimit("00:01:00", "365.00:00:00")]
    public TimeSpan BackupInterval { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How many scheduled backups are kept in <see cref="BackupDirectory"/>; older ones are deleted. The default is 5. Between 1 and 1,000.</summary>
    [Limit(1, 1000)]
    public int BackupsToKeep { get; set; } = 5;

    /// <summary>
    /// <see langword="true"/> when <paramref name="name"/> is a plain SQL identifier accepted as <see cref="TableName"/>.
    /// Never throws.
    /// </summary>
    /// <param name="name">The candidate table name.</param>
    public static bool IsValidTableName(string? name) => SqlIdentifier.IsValid(name, MaxTableNameLength, "sqlite_");

    /// <summary>
    /// Checks every setting and returns every problem found, each as one sentence naming the setting and its value;
    /// empty when all is well. The limits are the attributes on the properties, checked by a validator generated at
    /// build time; the rules that read several settings, or more than a range, are here. Never throws.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SqliteSinkOptionsLimits.Instance.Validate(null, this) is { Failed: true, Failures: { } failures })
        {
            errors.AddRange(failures);
        }

        if (!IsValidTableName(TableName))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"TableName must be a letter or underscore followed by letters, digits or underscores, at most {MaxTableNameLength} characters, not starting with sqlite_ (was '{TableName}')."));
        }

        if (LockRetryMaxDelay < LockRetryBaseDelay)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"LockRetryMaxDelay ({LockRetryMaxDelay}) must not be shorter than LockRetryBaseDelay ({LockRetryBaseDelay})."));
        }

        if (BackupDirectory is not null && string.IsNullOrWhiteSpace(BackupDirectory))
        {
            errors.Add("BackupDirectory must be null (no scheduled backup) or a directory path (was blank).");
        }

        return errors;
    }

    /// <summary>Returns a copy, so later changes to the original do not reach a running sink.</summary>
    internal SqliteSinkOptions Clone() => (SqliteSinkOptions)MemberwiseClone();

    /// <summary>Returns a validated copy of <paramref name="options"/>, or throws <see cref="ArgumentException"/> listing every problem.</summary>
    internal static SqliteSinkOptions ValidatedCopy(SqliteSinkOptions? options, string parameterName)
    {
        var copy = (options ?? new SqliteSinkOptions()).Clone();
        var errors = copy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SQLite sink options: " + string.Join(" ", errors), parameterName);
        }

        return copy;
    }
}
