using System.Text.Json.Serialization;

namespace SampleBot.Telegram;

// The few Bot API shapes the sample uses (https://core.telegram.org/bots/api), snake_case on the wire.
internal sealed class TelegramResponse<T>
{
    public bool Ok { get; set; }
    public T? Result { get; set; }
    public int? ErrorCode { get; set; }
    public string? Description { get; set; }
    public ResponseParameters? Parameters { get; set; }
}

internal sealed class ResponseParameters
{
    public int? RetryAfter { get; set; }
}

internal sealed class Update
{
    public long UpdateId { get; set; }
    public Message? Message { get; set; }
    public CallbackQuery? CallbackQuery { get; set; }
}

internal sealed class Message
{
    public long MessageId { get; set; }
    public User? From { get; set; }
    public Chat Chat { get; set; } = new();
    public string? Text { get; set; }
}

internal sealed class User
{
    public long Id { get; set; }
    public string? FirstName { get; set; }
    public string? Username { get; set; }
}

internal sealed class Chat
{
    public long Id { get; set; }
    public string? Type { get; set; }
}

internal sealed class CallbackQuery
{
    public string Id { get; set; } = "";
    public User From { get; set; } = new();
    public Message? Message { get; set; }
    public string? Data { get; set; }
}

internal sealed class GetUpdatesRequest
{
    public long? Offset { get; set; }
    public int Timeout { get; set; }
    public string[]? AllowedUpdates { get; set; }
}

internal sealed class SendMessageRequest
{
    public long ChatId { get; set; }
    public string Text { get; set; } = "";
    public InlineKeyboardMarkup? ReplyMarkup { get; set; }
}

internal sealed class InlineKeyboardMarkup
{
    public List<List<InlineKeyboardButton>> InlineKeyboard { get; set; } = [];
}

internal sealed class InlineKeyboardButton
{
    public string Text { get; set; } = "";
    public string? CallbackData { get; set; }
}

internal sealed class AnswerCallbackQueryRequest
{
    public string CallbackQueryId { get; set; } = "";
    public string? Text { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TelegramResponse<Update[]>))]
[JsonSerializable(typeof(TelegramResponse<Message>))]
[JsonSerializable(typeof(TelegramResponse<bool>))]
[JsonSerializable(typeof(TelegramResponse<System.Text.Json.JsonElement>))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;
