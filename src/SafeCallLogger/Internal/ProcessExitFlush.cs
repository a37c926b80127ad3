namespace SafeCallLogger.Internal;

/// <summary>
/// The safety net of a logger nobody disposes: on a normal process exit (<see cref="AppDomain.ProcessExit"/>: the end
/// of <c>Main</c>, <see cref="Environment.Exit(int)"/>, SIGTERM) it stops the logger within <see cref="Bound"/> and
/// disposes it, so what was queued is written and an owned sink closed. Registered once per logger and removed when
/// the logger is disposed, so the static event never keeps a disposed logger alive. Never throws.
/// </summary>
internal sealed class ProcessExitFlush : IDisposable
{
    /// <summary>
    /// The longest wait for the writes at exit, even with a longer <see cref="CallLoggerOptions.ShutdownTimeout"/>:
    /// below what supervisors give a process between SIGTERM and SIGKILL (Docker 10 s, a Windows console close 5 s).
    /// </summary>
    internal static readonly TimeSpan MaxBound = TimeSpan.FromSeconds(3);

    /// <summary>What the exit waits beyond <see cref="Bound"/> for the alerts, the last log lines and the sink's close.</summary>
    internal static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    private readonly Func<TimeSpan, Task<FlushResult>> _stop;
    private readonly Func<ValueTask> _dispose;
    private readonly EventHandler _handler;
    private int _registered;

    public ProcessExitFlush(Func<TimeSpan, Task<FlushResult>> stop, Func<ValueTask> dispose, TimeSpan shutdownTimeout)
    {
        _stop = stop;
        _dispose = dispose;
        Bound = shutdownTimeout < MaxBound ? shutdownTimeout : MaxBound;
        _handler = (_, _) => Run();
        AppDomain.CurrentDomain.ProcessExit += _handler;
        _registered = 1;
    }

    /// <summary>The writes' share of the exit: <see cref="CallLoggerOptions.ShutdownTimeout"/> or <see cref="MaxBound"/>, the shorter.</summary>
    public TimeSpan Bound { get; }

    /// <summary>Whether the handler is still on the event (until the logger is disposed).</summary>
    public bool IsRegistered => Volatile.Read(ref _registered) == 1;

    /// <summary>The handler's work: stop within <see cref="Bound"/>, then dispose, waiting at most <see cref="Bound"/> + <see cref="Slack"/> in all.</summary>
    internal void Run()
    {
        try
        {
            // The stop first, with the exit's bound: disposing alone would wait the whole ShutdownTimeout.
            _ = _stop(Bound);
            var disposed = _dispose().AsTask();

            // Real time on purpose: the process is leaving whatever clock the logger was given.
            disposed.Wait(Bound + Slack);
        }
#pragma warning disable CA1031 // An exception out of a ProcessExit handler would turn a normal exit into a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _registered, 0) == 1)
        {
            AppDomain.CurrentDomain.ProcessExit -= _handler;
        }
    }
}
