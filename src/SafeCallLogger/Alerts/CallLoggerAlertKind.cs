namespace SafeCallLogger;

/// <summary>Why an alert was raised.</summary>
public enum CallLoggerAlertKind
{
    /// <summary>Storage errors reached <see cref="CallLoggerOptions.ErrorAlertThreshold"/> (seed: 10). Severity Warning. Repeats, rate-limited, while errors go on.</summary>
    Errors = 1,

    /// <summary><see cref="CallLoggerOptions.DisableAfterConsecutiveErrors"/> consecutive errors (seed: 100): the logger stopped accepting calls and probes storage until it works. Severity Critical.</summary>
    Disabled = 2,

    /// <summary>Storage works again after an error alert or after being disabled; the logger accepts calls again. Severity Information.</summary>
    Recovered = 3,

    /// <summary>The queue passed <see cref="CallLoggerOptions.QueueWarningRatio"/> of its capacity, before anything was lost. Severity Warning.</summary>
    QueueNearlyFull = 4,

    /// <summary>An operation failed alone <see cref="CallLoggerOptions.PoisonAttempts"/> times while others were written, and was set aside. Severity Warning.</summary>
    PoisonOperation = 5,
}
