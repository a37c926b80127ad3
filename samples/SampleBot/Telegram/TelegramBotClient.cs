using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace SampleBot.Telegram;

/// <summary>
/// A minimal Bot API client over <see cref="HttpClient"/>: getUpdates (long polling), sendMessage, answerCallbackQuery.
/// A 429 answer is retried after its <c>retry_after</c>, waited on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class TelegramBotClient(HttpClient http, string token, TimeProvider timeProvider, ILogger<TelegramBotClient> log)
{
    private const int MaxAttempts = 4;
    private long _rateLimited;

    /// <summary>How many 429 answers were waited out.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public Task<Update[]> GetUpdatesAsync(long? offset, int timeoutSeconds, CancellationToken cancellationToken) =>
        CallAsync(
            "getUpdates",
            new GetUpdatesRequest { Offset = offset, Timeout = timeoutSeconds, AllowedUpdates = ["message", "callback_query"] },
            TelegramJsonContext.Default.GetUpdatesRequest,
            TelegramJsonContext.Default.TelegramResponseUpdateArray,
            cancellationToken)!;

    public Task<Message?> SendMessageAsync(long chatId, string text, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        CallAsync(
            "sendMessage",
            new SendMessageRequest { ChatId = chatId, Text = text, ReplyMarkup = keyboard },
            TelegramJsonContext.Default.SendMessageRequest,
            TelegramJsonContext.Default.TelegramResponseMessage,
            cancellationToken);

    public Task<bool> AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken) =>
        CallAsync(
            "answerCallbackQuery",
            new AnswerCallbackQueryRequest { CallbackQueryId = callbackQueryId, Text = text },
            TelegramJsonContext.Default.AnswerCallbackQueryRequest,
            TelegramJsonContext.Default.TelegramResponseBoolean,
            cancellationToken);

    private async Task<TResult?> CallAsync<TRequest, TResult>(
        string method,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TelegramResponse<TResult>> responseInfo,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // "./" keeps the token's colon ("123:ABC") from being read as a URI scheme.
            using var content = JsonContent.Create(request, requestInfo);
            using var response = await http.PostAsync(new Uri($"./bot{token}/{method}", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
            TelegramResponse<TResult>? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync(responseInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }

            if (body is { Ok: true })
            {
                return body.Result;
            }

            var code = body?.ErrorCode ?? (int)response.StatusCode;
            if (code == 429 && attempt < MaxAttempts)
            {
                // Flood control: Telegram says how long to wait. The wait runs on the injected clock, so tests do not sleep.
                var wait = TimeSpan.FromSeconds(Math.Clamp(body?.Parameters?.RetryAfter ?? 1, 1, 300));
                Interlocked.Increment(ref _rateLimited);
                LogRateLimited(method, wait.TotalSeconds);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new TelegramApiException(code, body?.Description ?? response.ReasonPhrase);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram {Method}: too many requests, retrying in {Seconds} s")]
    private partial void LogRateLimited(string method, double seconds);
}
