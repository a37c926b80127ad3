namespace SafeCallLogger;

/// <summary>
/// Thrown by an <see cref="ICallSink"/> when one operation of a batch can never be stored because of what it holds
/// (a constraint of the table refuses it, a value the storage cannot represent), as opposed to storage being down.
/// The writer sets that operation aside at once, wherever it stands in the batch, keeps it in the dead-letter store,
/// and writes the rest of the batch again without counting an error against storage.
/// </summary>
/// <remarks>
/// Throw it only when the failure is the operation's own: retrying it later, with storage healthy, would fail the
/// same way. Anything else (locked, missing, read-only, full, corrupt, timed out) is an outage: throw the original
/// exception and the writer retries the whole batch with backoff.
/// </remarks>
public sealed class UnstorableOperationException : Exception
{
    /// <summary>Creates the exception for the operation that cannot be stored.</summary>
    /// <param name="operationId">The <see cref="CallOperation.OperationId"/> of the operation at fault; it must be in the failed batch.</param>
    /// <param name="message">What storage refused, for the dead-letter record and the log.</param>
    /// <param name="innerException">The storage error, when there is one.</param>
    public UnstorableOperationException(Guid operationId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        OperationId = operationId;
    }

    /// <summary>Creates the exception with no operation named; the writer then treats it as an outage.</summary>
    public UnstorableOperationException()
    {
    }

    /// <summary>Creates the exception with no operation named; the writer then treats it as an outage.</summary>
    /// <param name="message">The message.</param>
    public UnstorableOperationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no operation named; the writer then treats it as an outage.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnstorableOperationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The operation that cannot be stored; <see cref="Guid.Empty"/> when none was named.</summary>
    public Guid OperationId { get; }
}
