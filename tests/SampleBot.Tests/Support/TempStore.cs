using Microsoft.Data.Sqlite;
using SafeCallLogger;
using SafeCallLogger.Sqlite;

namespace SampleBot.Tests.Support;

/// <summary>A real SQLite file in its own temp directory, with the sink and the store the sample uses on it.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("samplebot-").FullName;

    public TempStore()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "calls.db"), Pooling = false }.ToString();
        Store = new SqliteCallStore(ConnectionString);
    }

    public string ConnectionString { get; }

    public SqliteCallStore Store { get; }

    public CallLogger CreateLogger() => new(new SqliteCallSink(ConnectionString), new CallLoggerOptions());

    /// <summary>What the table holds for <paramref name="callId"/>, read with plain SQL; <see langword="null"/> when the call is not there.</summary>
    public StoredRow? Read(string callId)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT total_users_notified, alert_clicked_count,
                   (SELECT group_concat(user_id) FROM arbitrage_calls_clicks WHERE call_id = $id)
            FROM arbitrage_calls WHERE call_id = $id
            """;
        command.Parameters.AddWithValue("$id", callId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var clicked = reader.IsDBNull(2) ? [] : reader.GetString(2).Split(',').Select(long.Parse).ToArray();
        return new StoredRow(reader.GetInt32(0), reader.GetInt32(1), clicked);
    }

    public long CountCalls()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM arbitrage_calls";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does not change any result.
        }
    }
}

/// <summary>The stored columns the sample's tests check.</summary>
internal sealed record StoredRow(int TotalUsersNotified, int AlertClickedCount, IReadOnlyList<long> ClickedUserIds);
