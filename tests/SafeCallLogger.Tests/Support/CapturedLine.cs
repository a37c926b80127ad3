using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Tests.Support;

/// <summary>One log line <see cref="CapturingLoggerProvider"/> kept: its level, event id, text and exception.</summary>
internal sealed record CapturedLine(LogLevel Level, int EventId, string Message, Exception? Exception);
