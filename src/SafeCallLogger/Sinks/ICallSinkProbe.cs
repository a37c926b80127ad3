namespace SafeCallLogger;

/// <summary>
/// A sink that can tell cheaply whether storage would take a write now (the lock is free, the file opens). While the
/// writer waits between retries of a failed batch it probes often, and retries at once when the probe succeeds, so a
/// recovery is noticed in a fraction of a second rather than at the next backoff tick. Probe failures are not counted
/// as write errors.
/// </summary>
public interface ICallSinkProbe
{
    /// <summary>Returns when storage looks writable; throws when it does not. Must be quick and must not write calls.</summary>
    /// <param name="cancellationToken">Cancelled when the probe takes too long.</param>
    ValueTask ProbeAsync(CancellationToken cancellationToken);
}
