namespace SafeCallLogger;

/// <summary>Why an alert was raised.</summary>
public enum CallLoggerAlertKind
{
    /// <summary>Storage errors reached <see cref="CallLoggerOptions.ErrorAlertThreshold"/> (10 by default). Severity Warning. Repeats, rate-limited, while errors go on.</summary>
    Errors = 1,

    /// <summary><see cref="CallLoggerOptions.DisableAfterConsecutiveErrors"/> consecutive errors (100 by default): the logger probes storage until it works and meanwhile refuses new calls, or journals them when it has a journal. Severity Critical.</summary>
    Disabled = 2,

    /// <summary>Storage works again after an error alert or after being disabled; the logger accepts calls again. Severity Information.</summary>
    Recovered = 3,

    /// <summary>The queue passed <see cref="CallLoggerOptions.QueueWarningRatio"/> of its capacity, before anything was lost. Severity Warning.</summary>
    QueueNearlyFull = 4,

    /// <summary>
    /// Storage refused an operation for what it holds (<see cref="UnstorableOperationException"/>), or an operation
    /// failed alone <see cref="CallLoggerOptions.PoisonAttempts"/> times while others were written; it was set aside
    /// and kept as a <see cref="DeadLetter"/>. Severity Warning.
    /// </summary>
    PoisonOperation = 5,

    /// <summary>
    /// The sink found its storage deleted or replaced under it (<see cref="StorageReplacedException"/>) and now writes
    /// to a new one at the configured place; the batch is written there again. Severity Warning, never held back.
    /// </summary>
    StorageReplaced = 6,

    /// <summary>Stopping gave up accepted operations that could not be written in time. Severity Critical, never held back.</summary>
    AcceptedLost = 7,

    /// <summary>
    /// The journal reached <see cref="JournalOptions.MaxBytes"/>: calls that find the queue full are refused as
    /// <see cref="LogStatus.QueueFull"/> until the sink has taken enough of it. Journaled operations are kept. Severity
    /// Critical, never held back.
    /// </summary>
    JournalFull = 8,

    /// <summary>
    /// The journal could not be opened or written (disk full, directory not writable, held by another process): the
    /// logger keeps working in memory, without the journal's protection. Severity Critical, never held back.
    /// </summary>
    JournalUnavailable = 9,
}
