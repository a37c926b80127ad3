namespace SafeCallLogger;

/// <summary>
/// Storage for calls. The logger's single background writer calls <see cref="WriteAsync"/> with batches of
/// operations in logging order; it never calls it concurrently, except that a write which ignores its cancellation
/// token is abandoned when its time is up, and the next write may then start while it still runs.
/// </summary>
/// <remarks>
/// <para>A sink must:</para>
/// <list type="bullet">
/// <item>write a batch all or nothing, and throw when it could not;</item>
/// <item>apply each <see cref="CallOperation.OperationId"/> at most once (the writer retries failed batches, and a
/// journal may replay them);</item>
/// <item>accept operations on a call it has not stored yet (a click that overtook its call, or a call that was
/// rejected) without throwing: keep them until the call arrives, or count them as orphaned;</item>
/// <item>honour the cancellation token: it is cancelled when <see cref="CallLoggerOptions.WriteTimeout"/>
/// expires or shutdown runs out of time;</item>
/// <item>not keep the <c>operations</c> list after returning: the writer reuses it.</item>
/// </list>
/// </remarks>
public interface ICallSink
{
    /// <summary>Writes one batch atomically. Throws to report failure; the writer retries.</summary>
    /// <param name="operations">The batch, in logging order. Not empty.</param>
    /// <param name="cancellationToken">Cancelled when the write takes longer than <see cref="CallLoggerOptions.WriteTimeout"/>.</param>
    ValueTask WriteAsync(IReadOnlyList<CallOperation> operations, CancellationToken cancellationToken);
}
