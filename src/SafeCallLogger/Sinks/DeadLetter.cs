namespace SafeCallLogger;

/// <summary>
/// An accepted operation that storage refused for what it holds (see <see cref="UnstorableOperationException"/>),
/// kept instead of being lost: readable, and re-playable once the cause is fixed (sinks apply each
/// <see cref="CallOperation.OperationId"/> once, so replaying a letter twice does no harm).
/// </summary>
/// <param name="Operation">The operation as it was queued.</param>
/// <param name="Error">What storage said, in one line.</param>
/// <param name="FailedAt">When it was set aside, by the logger's <see cref="TimeProvider"/>.</param>
public sealed record DeadLetter(CallOperation Operation, string Error, DateTimeOffset FailedAt);
