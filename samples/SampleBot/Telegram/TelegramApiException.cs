namespace SampleBot.Telegram;

internal sealed class TelegramApiException(int errorCode, string? description)
    : Exception($"Telegram error {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;

    /// <summary>403 "Forbidden: bot was blocked by the user" (or the user is deactivated).</summary>
    public bool IsBlocked => ErrorCode == 403;
}
