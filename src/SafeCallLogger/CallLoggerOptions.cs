using System.Globalization;
using SafeCallLogger.Alerts;
using SafeCallLogger.Configuration;

namespace SafeCallLogger;

/// <summary>
/// Settings of the call logger. Every default follows the Python bot's logger where it has one. Checked once at startup by
/// <see cref="Validate"/>, which reports every problem at once.
/// </summary>
public sealed partial class CallLoggerOptions
{
    /// <summary>How many immediate retries a zero <see cref="RetryBaseDelay"/> may lead to before the logger disables itself.</summary>
    private const int MaxImmediateRetries = 1000;

    private List<ICallLoggerAlertHandler> _alertHandlers = [];

    /// <summary>How many operations the queue holds. The default is 1,000. Between 1 and 1,000,000.</summary>
    [Limit(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>
    /// What happens when the queue is full and there is no journal. The default is <see cref="QueueFullMode.RejectNew"/>.
    /// With a journal (<see cref="Journal"/>), a call that finds the queue full is journaled instead, and nothing is
    /// overwritten. The caller is never blocked.
    /// </summary>
    public QueueFullMode QueueFullMode { get; set; } = QueueFullMode.RejectNew;

    /// <summary>The most operations written in one sink call. The default is 256. Between 1 and 100,000.</summary>
    [Limit(1, 100_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How long the writer waits for a batch to fill once an operation is queued. The default is zero: write whatever is
    /// queued at once (under load batches still form while the previous one is written). Between 0 and 10 seconds.
    /// </summary>
    [DurationLimit("00:00:00", "00:00:10")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long one sink write may take before it is cancelled and counted as an error. The default is 30 seconds. Greater than 0, at most 1 day.</summary>
    [DurationLimit("00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first delay before retrying a failed write; it doubles on each consecutive error up to
    /// <see cref="RetryMaxDelay"/>. The default is 100 ms. Zero retries at once, every time, until the logger disables
    /// itself: so with zero, <see cref="DisableAfterConsecutiveErrors"/> may be at most 1,000, and a failing sink is
    /// then retried every <see cref="ProbeInterval"/>, never in a loop with no delay. Between 0 and 1 day.
    /// </summary>
    [DurationLimit("00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between retries while enabled; never shorter than <see cref="RetryBaseDelay"/>. The default is 10 seconds. Between 0 and 1 day.</summary>
    [DurationLimit("00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a disabled logger probes storage by retrying its pending batch. A disabled logger probes for as long
    /// as it runs, so this cannot be zero: a dead sink is never retried in a loop with no delay. The default is 30
    /// seconds. Greater than 0, at most 1 day.
    /// </summary>
    [DurationLimit("00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Errors that raise a <see cref="CallLoggerAlertKind.Errors"/> alert; it repeats every as many further errors. The default is 10. At least 1.</summary>
    [Limit(1, int.MaxValue)]
    public int ErrorAlertThreshold { get; set; } = 10;

    /// <summary>Consecutive errors after which the logger disables itself and raises a Critical alert. The default is 100. At most 1,000 when <see cref="RetryBaseDelay"/> is zero. At least 1.</summary>
    [Limit(1, int.MaxValue)]
    public int DisableAfterConsecutiveErrors { get; set; } = 100;

    /// <summary>Queue fill ratio that raises a <see cref="CallLoggerAlertKind.QueueNearlyFull"/> alert. The default is 0.8. Greater than 0, at most 1.</summary>
    [Limit(0.0, 1.0, MinimumIsExclusive = true)]
    public double QueueWarningRatio { get; set; } = 0.8;

    /// <summary>The shortest time between two alerts of the same kind; alerts in between are counted and mentioned in the next one. Critical and Recovered alerts are never held back. The default is 5 minutes. Between 0 and 1 day.</summary>
    [DurationLimit("00:00:00", "1.00:00:00")]
    public TimeSpan AlertMinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one alert handler may run before it is abandoned. The default is 10 seconds. Greater than 0, at most 1 day.</summary>
    [DurationLimit("00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan AlertHandlerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times one operation may fail alone, while others around it are written, before it is set aside as poison. The default is 3. Between 1 and 1,000.</summary>
    [Limit(1, 1000)]
    public int PoisonAttempts { get; set; } = 3;

    /// <summary>How long stopping the logger waits for queued operations to be written. The default is 10 seconds. Between 0 and 1 day.</summary>
    [DurationLimit("00:00:00", "1.00:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest accepted text (teams, books, sport, league, market, data source). The default is 256 characters. Between 1 and 100,000.</summary>
    [Limit(1, 100_000)]
    public int MaxStringLength { get; set; } = 256;

    /// <summary>The most top-level properties accepted in <see cref="CallRecord.RawData"/>. The default is 100. Between 0 and 100,000.</summary>
    [Limit(0, 100_000)]
    public int MaxRawDataProperties { get; set; } = 100;

    /// <summary>
    /// Where operations that storage refused for what they hold are kept, as JSON Lines (one <see cref="DeadLetter"/> a
    /// line), when the sink does not keep them itself (<see cref="IDeadLetterSink"/>). The default is
    /// <see langword="null"/>: such letters are logged whole at Error level, and that log line is their only copy.
    /// A relative path is resolved against <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    public string? DeadLetterPath { get; set; }

    /// <summary>
    /// The local journal that keeps accepted operations through sink outages, bursts and crashes. The default is
    /// <see cref="JournalMode.Auto"/>: spill to a journal beside the database for the SQLite sink, no journal for
    /// sinks that name no place for one.
    /// </summary>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public JournalOptions Journal { get; set; } = new();

    /// <summary>
    /// Creates the sink when the logger is built through dependency injection. The default is <see langword="null"/>:
    /// the <see cref="ICallSink"/> registered in the container is used. Set by <see cref="UseSink(ICallSink)"/>,
    /// <see cref="UseSink(Func{IServiceProvider, ICallSink})"/> and storage packages (<c>UseSqlite</c>).
    /// </summary>
    public Func<IServiceProvider, ICallSink>? SinkFactory { get; private set; }

    /// <summary><see langword="true"/> when the logger created its sink and so disposes it after its final flush.</summary>
    internal bool OwnsSink { get; private set; }

    /// <summary>Alert handlers added with <see cref="OnAlert(ICallLoggerAlertHandler)"/> and its overloads. Handlers registered in the container are used too.</summary>
    public IReadOnlyList<ICallLoggerAlertHandler> AlertHandlers => _alertHandlers;

    /// <summary>Writes to <paramref name="sink"/>. The caller keeps ownership of it.</summary>
    /// <param name="sink">The sink.</param>
    /// <returns>These options.</returns>
    public CallLoggerOptions UseSink(ICallSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        SinkFactory = _ => sink;
        OwnsSink = false;
        Store = null;
        return this;
    }

    /// <summary>
    /// Writes to the sink <paramref name="factory"/> creates when the logger is built. The logger owns that sink: it
    /// disposes it after its final flush.
    /// </summary>
    /// <param name="factory">Creates the sink from the application's services.</param>
    /// <returns>These options.</returns>
    public CallLoggerOptions UseSink(Func<IServiceProvider, ICallSink> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        SinkFactory = factory;
        OwnsSink = true;
        Store = null;
        return this;
    }

    /// <summary>Adds an alert handler.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>These options.</returns>
    public CallLoggerOptions OnAlert(ICallLoggerAlertHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _alertHandlers.Add(handler);
        return this;
    }

    /// <summary>
    /// Adds an asynchronous alert callback that returns a <see cref="ValueTask"/>; an <see langword="async"/> lambda
    /// binds here. A callback that returns a <see cref="Task"/> (such as Telegram.Bot's <c>SendMessage</c>, a
    /// <c>Task&lt;Message&gt;</c>) binds to
    /// <see cref="CallLoggerOptionsAlertExtensions.OnAlert(CallLoggerOptions, Func{CallLoggerAlert, CancellationToken, Task})"/>.
    /// </summary>
    /// <param name="handler">The callback.</param>
    /// <returns>These options.</returns>
    public CallLoggerOptions OnAlert(Func<CallLoggerAlert, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnAlert(new DelegateAlertHandler(handler));
    }

    /// <summary>Adds a synchronous alert callback.</summary>
    /// <param name="handler">The callback.</param>
    /// <returns>These options.</returns>
    public CallLoggerOptions OnAlert(Action<CallLoggerAlert> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return OnAlert(new DelegateAlertHandler((alert, _) =>
        {
            handler(alert);
            return ValueTask.CompletedTask;
        }));
    }

    /// <summary>
    /// Checks every setting and returns every problem found, each as one sentence naming the setting and its value;
    /// empty when all is well. The limits are the attributes on the properties, checked by a validator generated at
    /// build time; the rules that read several settings are here. Never throws.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CallLoggerOptionsLimits.Instance.Validate(null, this) is { Failed: true, Failures: { } failures })
        {
            errors.AddRange(failures);
        }

        errors.AddRange(RuleErrors());
        return errors;
    }

    /// <summary>The rules no single limit attribute can state, as sentences.</summary>
    internal IEnumerable<string> RuleErrors()
    {
        if (!Enum.IsDefined(QueueFullMode))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"QueueFullMode must be RejectNew or DropOldest (was {(int)QueueFullMode}).");
        }

        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"RetryMaxDelay ({RetryMaxDelay}) must not be shorter than RetryBaseDelay ({RetryBaseDelay}).");
        }

        // A zero base delay retries at once every time (the backoff doubles zero), so only disabling bounds the loop.
        if (RetryBaseDelay == TimeSpan.Zero && DisableAfterConsecutiveErrors > MaxImmediateRetries)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"DisableAfterConsecutiveErrors must be at most {MaxImmediateRetries:N0} when RetryBaseDelay is zero, or a failing sink is retried with no delay almost forever (was {DisableAfterConsecutiveErrors:N0}).");
        }

        if (Journal is null)
        {
            yield return "Journal must not be null.";
        }
        else
        {
            foreach (var error in Journal.RuleErrors())
            {
                yield return error;
            }
        }

        if (!Enum.IsDefined(CallIdRecipe))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"CallIdRecipe must be XxHash64 or PythonBotMd5 (was {(int)CallIdRecipe}).");
        }
    }

    /// <summary>Returns a copy of these options, so later changes to the original do not reach a running logger.</summary>
    internal CallLoggerOptions Clone()
    {
        var copy = (CallLoggerOptions)MemberwiseClone();
        copy._alertHandlers = [.. _alertHandlers];
        copy.Journal = Journal?.Clone()!;
        return copy;
    }

    /// <summary>
    /// The longest accepted <see cref="CallRecord.RawData"/>, in UTF-8 bytes of its compact JSON text; a longer one is
    /// rejected as <see cref="RejectionReason.RawDataTooLarge"/>. The default is 65,536 (64 KiB). Between 2 and 16,777,216.
    /// </summary>
    [Limit(2, 16 * 1024 * 1024)]
    public int MaxRawDataBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The deepest nesting of objects and arrays accepted in <see cref="CallRecord.RawData"/> (the object itself is
    /// depth 1); a deeper one is rejected as <see cref="RejectionReason.RawDataTooDeep"/>. The default is 32. Between 1 and 256.
    /// </summary>
    [Limit(1, 256)]
    public int MaxRawDataDepth { get; set; } = 32;

    /// <summary>
    /// The most ids accepted in <see cref="CallRecord.NotifiedUserIds"/>, which the logger copies before
    /// <c>LogCallSafe</c> returns; a longer list is rejected as <see cref="RejectionReason.TooManyNotifiedUsers"/>.
    /// The default is 100,000. Between 0 and 10,000,000.
    /// </summary>
    [Limit(0, 10_000_000)]
    public int MaxNotifiedUsers { get; set; } = 100_000;

    /// <summary>
    /// How the logger derives a call id when <see cref="CallRecord.CallId"/> is not set. The default is
    /// <see cref="CallIdRecipe.XxHash64"/>. <see cref="CallIdRecipe.PythonBotMd5"/> gives the Python bot's ids, for a
    /// bot moving over from it mid-stream or a fleet where a Python bot and this one send the same alerts; it costs
    /// more per call and depends on <see cref="CallIdTimeZone"/>. Never changes an id the caller set.
    /// </summary>
    public CallIdRecipe CallIdRecipe { get; set; } = CallIdRecipe.XxHash64;

    /// <summary>
    /// The time zone of the "local" hour in <see cref="CallIdRecipe.PythonBotMd5"/> ids: the zone the Python bot's machine
    /// runs in (<c>datetime.now()</c>). The default is <see langword="null"/>: <see cref="TimeZoneInfo.Local"/> when the
    /// logger is created. Not used by <see cref="CallIdRecipe.XxHash64"/>.
    /// </summary>
    public TimeZoneInfo? CallIdTimeZone { get; set; }
}
