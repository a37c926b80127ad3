using System.Globalization;
using SafeCallLogger.Configuration;

namespace SafeCallLogger;

/// <summary>
/// Settings of the local journal between the queue and the sink: a directory of append-only segment files that keeps
/// accepted operations through sink outages, bursts and crashes, and replays them to the sink exactly once, in order.
/// One process at a time uses a journal directory. Part of <see cref="CallLoggerOptions.Journal"/>.
/// </summary>
public sealed class JournalOptions
{
    private const long MinMaxBytes = 1L << 20;
    private const long MaxMaxBytes = 1L << 40;

    /// <summary>Whether and when operations are journaled. The default is <see cref="JournalMode.Auto"/>: on (spill) for the SQLite sink, off for sinks that name no place for it.</summary>
    public JournalMode Mode { get; set; } = JournalMode.Auto;

    /// <summary>
    /// The journal's directory. The default is <see langword="null"/>: the place the sink names (the SQLite sink: a
    /// folder named after the database file with <c>.journal</c> added, beside it). Required for
    /// <see cref="JournalMode.Spill"/> and <see cref="JournalMode.Durable"/> with a sink that names none. A relative
    /// path is resolved against <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// The most bytes the journal's records may take on disk. At the cap a Critical
    /// <see cref="CallLoggerAlertKind.JournalFull"/> alert is raised, new operations go through memory, and those that
    /// find the queue full too are refused as <see cref="LogStatus.QueueFull"/>; journaled operations are never
    /// dropped to make room. The default
    /// is 256 MiB, about 250,000 operations: a day of a bot logging three a second. Between 1 MiB and 1 TiB.
    /// </summary>
    public long MaxBytes { get; set; } = 256L << 20;

    /// <summary>The size of one segment file; a segment is deleted once all of it is committed. The default is 8 MiB, and at most <see cref="MaxBytes"/>. Between 65,536 and 1,073,741,824.</summary>
    [Limit(64 << 10, 1 << 30)]
    public int SegmentBytes { get; set; } = 8 << 20;

    /// <summary>
    /// How often journaled bytes are flushed through to the disk, off the callers' threads: what a power loss (not a
    /// process crash) can lose. The default is 1 second. <see cref="TimeSpan.Zero"/> flushes as soon as bytes are
    /// written (a flush a batch of appends at a time); <see cref="Timeout.InfiniteTimeSpan"/> leaves it to the
    /// operating system. Otherwise between 1 ms and 1 hour.
    /// </summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// In <see cref="JournalMode.Spill"/>, the share of <see cref="CallLoggerOptions.QueueCapacity"/> the queue may
    /// hold, once the writer has taken a batch, before new operations are journaled. The default is 0.5. Greater
    /// than 0, at most 1.
    /// </summary>
    [Limit(0.0, 1.0, MinimumIsExclusive = true)]
    public double SpillQueueRatio { get; set; } = 0.5;

    /// <summary>The rules no single limit attribute can state, as sentences.</summary>
    internal IEnumerable<string> RuleErrors()
    {
        if (!Enum.IsDefined(Mode))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Journal.Mode must be Auto, Off, Spill or Durable (was {(int)Mode}).");
        }

        if (MaxBytes < MinMaxBytes || MaxBytes > MaxMaxBytes)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Journal.MaxBytes must be between 1 MiB and 1 TiB (was {MaxBytes:N0}).");
        }

        if (SegmentBytes > MaxBytes)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Journal.SegmentBytes ({SegmentBytes:N0}) must not exceed Journal.MaxBytes ({MaxBytes:N0}).");
        }

        if (SyncInterval != Timeout.InfiniteTimeSpan && SyncInterval != TimeSpan.Zero
            && (SyncInterval < TimeSpan.FromMilliseconds(1) || SyncInterval > TimeSpan.FromHours(1)))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Journal.SyncInterval must be zero, infinite, or between 1 ms and 1 hour (was {SyncInterval}).");
        }

        if (Directory is { Length: 0 } || (Directory is not null && string.IsNullOrWhiteSpace(Directory)))
        {
            yield return "Journal.Directory must be null (the sink's place) or a path, not empty.";
        }
    }

    internal JournalOptions Clone() => (JournalOptions)MemberwiseClone();
}
