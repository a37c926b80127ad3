namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// One question's running answer in the one-pass answers (<see cref="CallScan"/>): it sees each of the filter's calls
/// once and sums into the same groups its single query fills from SQL, so both end in the same rows.
/// </summary>
internal interface ICallFold
{
    /// <summary>Counts the call (every value its question needs is in <paramref name="call"/>).</summary>
    void Add(CallFacts call);
}
