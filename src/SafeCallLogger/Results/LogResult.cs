using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SafeCallLogger;

/// <summary>
/// What a <c>...Safe</c> call did: accepted, rejected with a reason, or not accepted because the logger was full,
/// disabled or stopped. A small value the caller may inspect or ignore; creating it never allocates.
/// </summary>
public readonly struct LogResult : IEquatable<LogResult>
{
    internal LogResult(LogStatus status, string? callId, RejectionReason reason = RejectionReason.None, string? field = null)
    {
        Status = status;
        CallId = callId;
        Reason = reason;
        Field = field;
    }

    /// <summary>What happened.</summary>
    public LogStatus Status { get; }

    /// <summary>
    /// The call id the operation was for: the derived or supplied id of a logged call (the one to put in
    /// <c>i_bet_{id}</c>), or the id given to a click, result or closing-line call. <see langword="null"/> when the
    /// input was rejected before an id could be known.
    /// </summary>
    public string? CallId { get; }

    /// <summary>Why the input was rejected; <see cref="RejectionReason.None"/> unless <see cref="Status"/> is <see cref="LogStatus.Rejected"/>.</summary>
    public RejectionReason Reason { get; }

    /// <summary>The column at fault when rejected, e.g. <c>odds_b</c>; otherwise <see langword="null"/>.</summary>
    public string? Field { get; }

    /// <summary>
    /// <see langword="true"/> when the operation was queued for writing; <see cref="CallId"/> is then set, so
    /// <c>if (result.IsAccepted) CallIds.ToCallbackData(result.CallId)</c> needs no null check.
    /// <see langword="false"/> for <c>default(LogResult)</c>, which no <c>...Safe</c> call returns.
    /// </summary>
    [MemberNotNullWhen(true, nameof(CallId))]
    public bool IsAccepted => Status == LogStatus.Accepted && CallId is not null;

    /// <inheritdoc/>
    public bool Equals(LogResult other) =>
        Status == other.Status && Reason == other.Reason && string.Equals(CallId, other.CallId, StringComparison.Ordinal) && string.Equals(Field, other.Field, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LogResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, CallId, Reason, Field);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    public static bool operator ==(LogResult left, LogResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    public static bool operator !=(LogResult left, LogResult right) => !left.Equals(right);

    /// <summary>A one-line description, e.g. <c>Rejected: InvalidOdds (odds_b)</c> or <c>Accepted: 3f2a9c0d1e4b5a67</c>.</summary>
    public override string ToString() => Status == LogStatus.Rejected
        ? string.Create(CultureInfo.InvariantCulture, $"Rejected: {Reason} ({Field})")
        : string.Create(CultureInfo.InvariantCulture, $"{Status}: {CallId}");
}
