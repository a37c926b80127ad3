using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace SampleBot.Telegram;

/// <summary>
/// Retries a Bot API call that Telegram refused with 429 ("Too Many Requests") after the answer's <c>retry_after</c>.
/// Hand-written instead of <c>TelegramBotClientOptions.RetryCount</c>, whose wait is a <c>Task.Delay</c> on the real
/// clock: this one waits on the injected <see cref="TimeProvider"/>, so the tests never sleep.
/// </summary>
internal sealed partial class FloodControl(TimeProvider timeProvider, ILogger<FloodControl> log)
{
    private const int MaxAttempts = 4;
    private long _rateLimited;

    /// <summary>How many 429 answers were waited out.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public async Task RunAsync(string method, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await RunAsync(
            method,
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    public async Task<T> RunAsync<T>(string method, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxAttempts)
            {
                var wait = TimeSpan.FromSeconds(Math.Clamp(e.Parameters?.RetryAfter ?? 1, 1, 300));
                Interlocked.Increment(ref _rateLimited);
                LogRateLimited(method, wait.TotalSeconds);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method}: too many requests, retrying in {Seconds} s")]
    private partial void LogRateLimited(string method, double seconds);
}
