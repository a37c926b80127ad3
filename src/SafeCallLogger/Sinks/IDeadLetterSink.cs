namespace SafeCallLogger;

/// <summary>
/// A sink that can also keep the operations it refused (a dead-letter table beside the calls). The writer hands it
/// every operation it sets aside; when the sink does not implement this, letters go to
/// <see cref="CallLoggerOptions.DeadLetterPath"/> as JSON Lines, or are logged whole when no path is set.
/// </summary>
public interface IDeadLetterSink
{
    /// <summary>
    /// Keeps the letters, all or nothing; throws when it could not (storage down), and the writer keeps them in memory
    /// and retries them like any failed write, with backoff, before it writes the next batch (they live in the same
    /// storage). Throwing <see cref="UnstorableOperationException"/> naming a letter's operation means the store refuses
    /// that letter itself: the writer then logs the letters whole and counts them as quarantined. Called from the writer
    /// only, never concurrently with <see cref="ICallSink.WriteAsync"/>.
    /// </summary>
    /// <param name="letters">The letters, oldest first. Not empty. Not kept after returning.</param>
    /// <param name="cancellationToken">Cancelled when the logger's write timeout expires.</param>
    ValueTask WriteDeadLettersAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken);
}
