using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SafeCallLogger.DependencyInjection;

/// <summary>Starts the logger with the generic host and, on shutdown, writes what is queued within <see cref="CallLoggerOptions.ShutdownTimeout"/>.</summary>
internal sealed class CallLoggerHostedService(CallLogger logger, IOptions<CallLoggerOptions> options) : IHostedService
{
    // Resolving the logger in the constructor is what starts its writer when the host starts.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await logger.StopAsync(options.Value.ShutdownTimeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting; the logger goes on stopping within its own timeout.
        }
    }
}
