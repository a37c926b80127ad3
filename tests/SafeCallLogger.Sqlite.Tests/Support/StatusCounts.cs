namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>How many calls ended in each <see cref="LogStatus"/>, for the assertion and its message.</summary>
internal sealed class StatusCounts
{
    private readonly Dictionary<LogStatus, int> _counts = [];

    public int Accepted => this[LogStatus.Accepted];

    public int this[LogStatus status] => _counts.GetValueOrDefault(status);

    public void Add(LogResult result) => _counts[result.Status] = this[result.Status] + 1;

    public override string ToString() =>
        _counts.Count == 0 ? "no calls" : string.Join(", ", _counts.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:N0}"));
}
