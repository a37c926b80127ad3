namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Numbers the users of one read 0, 1, 2... in the order they are met, so that each per-user row is looked up once
/// by id and every per-user answer (preferences by several dimensions, retention) indexes its own lists by number.
/// </summary>
internal sealed class UserNumbers
{
    private readonly Dictionary<long, int> _numbers = [];
    private readonly List<long> _ids = [];

    public int Count => _ids.Count;

    /// <summary>The number of <paramref name="userId"/>, given at its first sight.</summary>
    public int Number(long userId)
    {
        if (!_numbers.TryGetValue(userId, out var number))
        {
            number = _ids.Count;
            _numbers[userId] = number;
            _ids.Add(userId);
        }

        return number;
    }

    /// <summary>The id of user number <paramref name="number"/>.</summary>
    public long Id(int number) => _ids[number];
}
