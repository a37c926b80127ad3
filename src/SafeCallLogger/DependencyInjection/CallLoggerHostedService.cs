using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SafeCallLogger.DependencyInjection;

/// <summary>
/// Starts the logger with the generic host and stops it last. Hosted services stop one by one in reverse registration
/// order, so a bot service registered before the logger stops after it. To keep that order from losing the bot's
/// last sends, the logger only flushes in <see cref="StopAsync"/> (what is queued is written, and it keeps accepting)
/// and stops in <see cref="StoppedAsync"/>, which the host runs once every hosted service has stopped. Both share
/// one <see cref="CallLoggerOptions.ShutdownTimeout"/>. Never throws.
/// </summary>
internal sealed class CallLoggerHostedService(ICallLogger logger, IOptions<CallLoggerOptions> options, TimeProvider? timeProvider = null) : IHostedLifecycleService
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _stopStartedAt;

    // Resolving the logger in the constructor is what starts its writer when the host starts.
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.CompareExchange(ref _stopStartedAt, _time.GetTimestamp(), 0);
        try
        {
            // Written now, in case a later service's stop runs out the host's time; logging goes on.
            await logger.FlushAsync(Remaining(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting; StoppedAsync or the container's disposal still stops the logger.
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (logger is not CallLogger owned)
        {
            return;
        }

        Interlocked.CompareExchange(ref _stopStartedAt, _time.GetTimestamp(), 0);
        try
        {
            await owned.StopAsync(Remaining()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting; the logger goes on stopping within its own timeout.
        }
    }

    private TimeSpan Remaining()
    {
        var left = options.Value.ShutdownTimeout - _time.GetElapsedTime(Interlocked.Read(ref _stopStartedAt));
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
