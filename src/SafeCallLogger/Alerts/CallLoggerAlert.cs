using System.Globalization;
using System.Text;

namespace SafeCallLogger;

/// <summary>An alert for the bot's admin: what happened, with the counters the Python bot's admin message shows.</summary>
public sealed class CallLoggerAlert
{
    internal CallLoggerAlert(
        CallLoggerAlertKind kind,
        CallLoggerAlertSeverity severity,
        DateTimeOffset timestamp,
        CallLoggerHealth health,
        int suppressedSinceLast)
    {
        Kind = kind;
        Severity = severity;
        Timestamp = timestamp;
        Health = health;
        SuppressedSinceLast = suppressedSinceLast;
    }

    /// <summary>Why the alert was raised.</summary>
    public CallLoggerAlertKind Kind { get; }

    /// <summary>How urgent it is.</summary>
    public CallLoggerAlertSeverity Severity { get; }

    /// <summary>When it was raised, by the logger's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The logger's health when the alert was raised: errors, successes, last error, queue depth.</summary>
    public CallLoggerHealth Health { get; }

    /// <summary>How many alerts of the same kind were held back by <see cref="CallLoggerOptions.AlertMinInterval"/> since the last one sent.</summary>
    public int SuppressedSinceLast { get; }

    /// <summary>The admin message, in the Python bot's format, ready to send as plain text.</summary>
    public string Message
    {
        get
        {
            var h = Health;
            var text = new StringBuilder();
            var ic = CultureInfo.InvariantCulture;
            switch (Kind)
            {
                case CallLoggerAlertKind.Errors:
                    text.Append("ML CALL LOGGER - ALERT\n");
                    text.Append(ic, $"Errors: {h.Errors}\nSuccess: {h.Successes}\nLast error: {h.LastError ?? "none"}\n");
                    break;
                case CallLoggerAlertKind.Disabled:
                    text.Append("ML CALL LOGGER - CRITICAL\n");
                    text.Append(ic, $"{h.ConsecutiveErrors} consecutive errors\n");
                    text.Append(h.JournalMode == JournalMode.Off
                        ? "Logger auto-disabled: new calls are refused until storage works again (probing automatically).\n"
                        : "Storage probed automatically; new calls are kept in the journal until it works again.\n");
                    text.Append(ic, $"Queued calls kept: {h.Pending}\nLast error: {h.LastError ?? "none"}\n");
                    break;
                case CallLoggerAlertKind.Recovered:
                    text.Append("ML CALL LOGGER - RECOVERED\n");
                    text.Append(ic, $"Storage works again; logging resumed.\nErrors so far: {h.Errors}\nSuccess: {h.Successes}\n");
                    break;
                case CallLoggerAlertKind.QueueNearlyFull:
                    text.Append("ML CALL LOGGER - QUEUE NEARLY FULL\n");
                    text.Append(ic, $"Queue: {h.QueueDepth}/{h.QueueCapacity}\nStorage is slower than the calls coming in; nothing lost yet.\n");
                    break;
                case CallLoggerAlertKind.PoisonOperation:
                    text.Append("ML CALL LOGGER - BAD RECORD SET ASIDE\n");
                    text.Append(ic, $"Set aside so far: {h.Quarantined}\nLast error: {h.LastError ?? "none"}\n");
                    break;
                case CallLoggerAlertKind.JournalFull:
                    text.Append("ML CALL LOGGER - CRITICAL - JOURNAL FULL\n");
                    text.Append(ic, $"Journal: {h.JournalBytes:N0} bytes, {h.JournalPending:N0} operations waiting for storage\nCalls that find the queue full are refused until storage takes some.\nLast error: {h.LastError ?? "none"}\n");
                    break;
                case CallLoggerAlertKind.JournalUnavailable:
                    text.Append("ML CALL LOGGER - CRITICAL - NO JOURNAL\n");
                    text.Append(ic, $"The journal {h.JournalDirectory ?? string.Empty} cannot be used; logging goes on in memory only (a crash or a long outage can lose calls). See the log for why.\n");
                    break;
                default:
                    text.Append(ic, $"ML CALL LOGGER - {Kind}\n");
                    break;
            }

            if (SuppressedSinceLast > 0)
            {
                text.Append(ic, $"({SuppressedSinceLast} similar alerts held back)\n");
            }

            return text.ToString().TrimEnd('\n');
        }
    }

    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}
