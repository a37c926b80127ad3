using System.Globalization;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>
/// What the database holds, read with the real sqlite3 shell after the loggers are gone: per call id, how many rows
/// and the <c>total_users_notified</c> they add up to. Every test call notifies one user, so an operation applied
/// twice (a replay that did not know it was already committed) shows as 2.
/// </summary>
internal sealed class StoredCalls
{
    private readonly Dictionary<string, (long Rows, long Users)> _byId;

    private StoredCalls(Dictionary<string, (long Rows, long Users)> byId) => _byId = byId;

    public int Count => _byId.Count;

    public static async Task<StoredCalls> ReadAsync(string databasePath)
    {
        var lines = await Sqlite3Shell.RunAsync(databasePath, "SELECT call_id, COUNT(*), SUM(total_users_notified) FROM arbitrage_calls GROUP BY call_id;");
        var byId = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('|');
            byId[parts[0]] = (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
        }

        return new StoredCalls(byId);
    }

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The ids of <paramref name="ids"/> with no row.</summary>
    public List<string> Missing(IEnumerable<string> ids) => ids.Where(id => !_byId.ContainsKey(id)).ToList();

    /// <summary>The ids of <paramref name="ids"/> stored more than once: more than one row, or their one user counted more than once.</summary>
    public List<string> StoredMoreThanOnce(IEnumerable<string> ids) =>
        ids.Where(id => _byId.TryGetValue(id, out var row) && (row.Rows != 1 || row.Users != 1))
            .Select(id => $"{id} (rows {_byId[id].Rows}, users {_byId[id].Users})")
            .ToList();

    /// <summary>The stored ids that start with <paramref name="prefix"/>.</summary>
    public int CountWithPrefix(string prefix) => _byId.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>A few ids for a failure message, not thousands.</summary>
    public static string Sample(IEnumerable<string> ids) => string.Join(", ", ids.Take(5)) + (ids.Skip(5).Any() ? ", …" : string.Empty);
}
