using System.Globalization;
using SafeCallLogger.Alerts;

namespace SafeCallLogger;

/// <summary>
/// Settings of the call logger. Every default follows the seed where it says something. Checked once at startup by
/// <see cref="Validate"/>, which reports every problem at once.
/// </summary>
public sealed class CallLoggerOptions
{
    private List<ICallLoggerAlertHandler> _alertHandlers = [];

    /// <summary>How many operations the queue holds. The default is 1,000 (seed). Between 1 and 1,000,000.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>What happens when the queue is full. The default is <see cref="QueueFullMode.RejectNew"/>. The caller is never blocked.</summary>
    public QueueFullMode QueueFullMode { get; set; } = QueueFullMode.RejectNew;

    /// <summary>The most operations written in one sink call. The default is 256. Between 1 and 100,000.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How long the writer waits for a batch to fill once an operation is queued. The default is zero: write whatever is
    /// queued at once (under load batches still form while the previous one is written). At most 10 seconds.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long one sink write may take before it is cancelled and counted as an error. The default is 30 seconds.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first delay before retrying a failed write; it doubles on each consecutive error up to <see cref="RetryMaxDelay"/>. The default is 100 ms. Zero retries at once.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between retries while enabled. The default is 10 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a disabled logger probes storage by retrying its pending batch. The default is 30 seconds.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Errors that raise a <see cref="CallLoggerAlertKind.Errors"/> alert; it repeats every as many further errors. The default is 10 (seed). At least 1.</summary>
    public int ErrorAlertThreshold { get; set; } = 10;

    /// <summary>Consecutive errors after which the logger disables itself and raises a Critical alert. The default is 100 (seed). At least 1.</summary>
    public int DisableAfterConsecutiveErrors { get; set; } = 100;

    /// <summary>Queue fill ratio that raises a <see cref="CallLoggerAlertKind.QueueNearlyFull"/> alert. The default is 0.8. Greater than 0, at most 1.</summary>
    public double QueueWarningRatio { get; set; } = 0.8;

    /// <summary>The shortest time between two alerts of the same kind; alerts in between are counted and mentioned in the next one. Critical and Recovered alerts are never held back. The default is 5 minutes.</summary>
    public TimeSpan AlertMinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one alert handler may run before it is abandoned. The default is 10 seconds.</summary>
    public TimeSpan AlertHandlerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times one operation may fail alone, while others around it are written, before it is set aside as poison. The default is 3. At least 1.</summary>
    public int PoisonAttempts { get; set; } = 3;

    /// <summary>How long stopping the logger waits for queued operations to be written. The default is 10 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest accepted text (teams, books, sport, league, market, data source). The default is 256 characters. Between 1 and 100,000.</summary>
    public int MaxStringLength { get; set; } = 256;

    /// <summary>The most top-level properties accepted in <see cref="CallRecord.RawData"/>. The default is 100.</summary>
    public int MaxRawDataProperties { get; set; } = 100;

    /// <summary>
    /// Where operations that storage refused for what they hold are kept, as JSON Lines (one <see cref="DeadLetter"/> a
    /// line), when the sink does not keep them itself (<see cref="IDeadLetterSink"/>). The default is
    /// <see langword="null"/>: such letters are logged whole at Error level, and that log line is their only copy.
    /// A relative path is resolved against <see cref="AppContext.BaseDirectory"/>.
    /// </summary>
    public string? DeadLetterPath { get; set; }

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

    /// <summary>Adds an asynchronous alert callback, for instance one that messages the admin.</summary>
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

    /// <summary>Checks every setting and returns every problem found, each as one sentence; empty when all is well.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Range(errors, nameof(QueueCapacity), QueueCapacity, 1, 1_000_000);
        Range(errors, nameof(MaxBatchSize), MaxBatchSize, 1, 100_000);
        Range(errors, nameof(ErrorAlertThreshold), ErrorAlertThreshold, 1, int.MaxValue);
        Range(errors, nameof(DisableAfterConsecutiveErrors), DisableAfterConsecutiveErrors, 1, int.MaxValue);
        Range(errors, nameof(PoisonAttempts), PoisonAttempts, 1, 1000);
        Range(errors, nameof(MaxStringLength), MaxStringLength, 1, 100_000);
        Range(errors, nameof(MaxRawDataProperties), MaxRawDataProperties, 0, 100_000);
        if (!Enum.IsDefined(QueueFullMode))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"QueueFullMode must be RejectNew or DropOldest (was {(int)QueueFullMode})."));
        }

        if (!(QueueWarningRatio > 0 && QueueWarningRatio <= 1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"QueueWarningRatio must be greater than 0 and at most 1 (was {QueueWarningRatio})."));
        }

        Duration(errors, nameof(MaxBatchDelay), MaxBatchDelay, allowZero: true, TimeSpan.FromSeconds(10));
        Duration(errors, nameof(WriteTimeout), WriteTimeout, allowZero: false);
        Duration(errors, nameof(RetryBaseDelay), RetryBaseDelay, allowZero: true);
        Duration(errors, nameof(RetryMaxDelay), RetryMaxDelay, allowZero: true);
        Duration(errors, nameof(ProbeInterval), ProbeInterval, allowZero: true);
        Duration(errors, nameof(AlertMinInterval), AlertMinInterval, allowZero: true);
        Duration(errors, nameof(AlertHandlerTimeout), AlertHandlerTimeout, allowZero: false);
        Duration(errors, nameof(ShutdownTimeout), ShutdownTimeout, allowZero: true);
        if (RetryMaxDelay < RetryBaseDelay)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"RetryMaxDelay ({RetryMaxDelay}) must not be shorter than RetryBaseDelay ({RetryBaseDelay})."));
        }

        ValidateCallIdRecipe(errors);
        return errors;
    }

    /// <summary>Returns a copy of these options, so later changes to the original do not reach a running logger.</summary>
    internal CallLoggerOptions Clone()
    {
        var copy = (CallLoggerOptions)MemberwiseClone();
        copy._alertHandlers = [.. _alertHandlers];
        return copy;
    }

    private static void Range(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(max == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min} (was {value}).")
                : string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max} (was {value})."));
        }
    }

    private static void Duration(List<string> errors, string name, TimeSpan value, bool allowZero, TimeSpan? max = null)
    {
        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be {(allowZero ? "zero or positive" : "positive")} (was {value})."));
        }
        else if (value > (max ?? TimeSpan.FromDays(1)))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be at most {max ?? TimeSpan.FromDays(1)} (was {value})."));
        }
    }

    /// <summary>
    /// How the logger derives a call id when <see cref="CallRecord.CallId"/> is not set. The default is
    /// <see cref="CallIdRecipe.XxHash64"/>. <see cref="CallIdRecipe.SeedMd5"/> gives the seed's Python bot's ids, for a
    /// bot moving over from it mid-stream or a fleet where a Python bot and this one send the same alerts; it costs
    /// more per call and depends on <see cref="CallIdTimeZone"/>. Never changes an id the caller set.
    /// </summary>
    public CallIdRecipe CallIdRecipe { get; set; } = CallIdRecipe.XxHash64;

    /// <summary>
    /// The time zone of the "local" hour in <see cref="CallIdRecipe.SeedMd5"/> ids: the zone the Python bot's machine
    /// runs in (<c>datetime.now()</c>). The default is <see langword="null"/>: <see cref="TimeZoneInfo.Local"/> when the
    /// logger is created. Not used by <see cref="CallIdRecipe.XxHash64"/>.
    /// </summary>
    public TimeZoneInfo? CallIdTimeZone { get; set; }

    private void ValidateCallIdRecipe(List<string> errors)
    {
        if (!Enum.IsDefined(CallIdRecipe))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"CallIdRecipe must be XxHash64 or SeedMd5 (was {(int)CallIdRecipe})."));
        }
    }
}
