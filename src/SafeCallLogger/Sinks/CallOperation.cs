namespace SafeCallLogger;

/// <summary>
/// One write for a sink: plain data with a unique <see cref="OperationId"/>. Sinks apply each id at most once, so the
/// same operation delivered twice (a retried batch, a journal replay) is never counted twice.
/// Which properties are set depends on <see cref="Kind"/>.
/// </summary>
public readonly record struct CallOperation
{
    /// <summary>
    /// Unique id of this operation, assigned when it is accepted (before it is queued or journaled), so a retried
    /// batch and a journal replay after a crash carry the same id and the sink applies it once.
    /// </summary>
    public Guid OperationId { get; init; }

    /// <summary>What to do.</summary>
    public CallOperationKind Kind { get; init; }

    /// <summary>The call the operation is about. Always set and valid (<see cref="CallIds.IsValid(string?)"/>).</summary>
    public string CallId { get; init; }

    /// <summary>When the operation happened: the alert's send time for <see cref="CallOperationKind.UpsertCall"/>, otherwise when the <c>...Safe</c> method was called.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// The validated call for <see cref="CallOperationKind.UpsertCall"/>; otherwise <see langword="null"/>. It is the
    /// logger's own copy, taken on the caller's thread before <c>LogCallSafe</c> returned: its
    /// <see cref="CallRecord.NotifiedUserIds"/> is a private array nobody else can change, and its
    /// <see cref="CallRecord.RawData"/> is <see langword="null"/>; the raw data is in <see cref="RawDataJson"/>. A record
    /// that had neither user ids nor raw data is kept as it is, since nothing else in a <see cref="CallRecord"/> can change.
    /// </summary>
    public CallRecord? Call { get; init; }

    /// <summary>
    /// <c>raw_data</c> as compact JSON text, serialized and checked on the caller's thread (finite numbers only, depth and
    /// size bounded), for <see cref="CallOperationKind.UpsertCall"/>; <see langword="null"/> when the call had none.
    /// Sinks store this text as it is.
    /// </summary>
    public string? RawDataJson { get; init; }

    /// <summary>How many users this send reached, for <see cref="CallOperationKind.UpsertCall"/>; otherwise 0.</summary>
    public int UsersNotified { get; init; }

    /// <summary>Who clicked, for <see cref="CallOperationKind.AddClick"/>, when known; otherwise <see langword="null"/>.</summary>
    public long? UserId { get; init; }

    /// <summary>The result, for <see cref="CallOperationKind.SetResult"/>.</summary>
    public CallOutcome Outcome { get; init; }

    /// <summary>The realized profit, for <see cref="CallOperationKind.SetResult"/>, when known.</summary>
    public double? Profit { get; init; }

    /// <summary>Closing line of side A, for <see cref="CallOperationKind.SetClosingLines"/>.</summary>
    public Odds ClosingLineA { get; init; }

    /// <summary>Closing line of side B, for <see cref="CallOperationKind.SetClosingLines"/>.</summary>
    public Odds ClosingLineB { get; init; }

    /// <summary>Line movement speed, for <see cref="CallOperationKind.SetClosingLines"/>, when known.</summary>
    public LineMovementSpeed? LineMovementSpeed { get; init; }
}
