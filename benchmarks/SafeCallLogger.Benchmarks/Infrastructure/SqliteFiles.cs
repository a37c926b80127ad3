using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>Database files for the SQLite benchmarks and the raw-insert floor.</summary>
public static class SqliteFiles
{
    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public static string Fresh(string name)
    {
        var path = Path.Combine(Paths.Scratch, name);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            if (File.Exists(path + suffix))
            {
                File.Delete(path + suffix);
            }
        }

        return path;
    }

    /// <summary>Lets the real sink create its schema (and its pragmas) in <paramref name="path"/> by writing one call.</summary>
    public static async Task CreateWithSinkAsync(string path)
    {
        await using var sink = new SafeCallLogger.Sqlite.SqliteCallSink(ConnectionString(path));
        var call = Calls.Arbitrage("schema0000000000", 0, withTime: true);
        await sink.WriteAsync([Calls.Operation(call, call.CallId!) with { OperationId = Guid.NewGuid() }], CancellationToken.None).ConfigureAwait(false);
    }

    public static long Count(string path, string table = "arbitrage_calls")
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The floor of this machine: one open connection (WAL, synchronous=NORMAL as the sink), one transaction, one
/// prepared INSERT whose parameters are rebound per row.
/// </summary>
public sealed class RawInserter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _p;

    public RawInserter(string path)
    {
        _connection = new SqliteConnection(SqliteFiles.ConnectionString(path));
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }

        _command = _connection.CreateCommand();
        _command.CommandText = NaiveSqlite.Insert.Replace("INSERT OR REPLACE", "INSERT", StringComparison.Ordinal);
        NaiveSqlite.Bind(_command, Calls.Arbitrage("x", 0, withTime: true), "x", Calls.BaseTime);
        _p = [.. _command.Parameters.Cast<SqliteParameter>()];
    }

    public void InsertAll(IReadOnlyList<CallRecord> calls)
    {
        using var transaction = _connection.BeginTransaction();
        _command.Transaction = transaction;
        _command.Prepare();
        foreach (var call in calls)
        {
            // Same order as NaiveSqlite.Bind.
            _p[0].Value = call.CallId;
            _p[1].Value = "arbitrage";
            _p[2].Value = call.Sport;
            _p[3].Value = call.League;
            _p[4].Value = call.TeamA;
            _p[5].Value = call.TeamB;
            _p[6].Value = call.BookmakerA;
            _p[7].Value = call.BookmakerB;
            _p[8].Value = call.MarketType;
            _p[9].Value = call.OddsA.Value;
            _p[10].Value = call.OddsB.Value;
            _p[11].Value = call.OddsA.DecimalValue;
            _p[12].Value = call.OddsB.DecimalValue;
            _p[13].Value = call.RecommendedStakeA;
            _p[14].Value = call.RecommendedStakeB;
            _p[15].Value = call.TotalStake;
            _p[16].Value = call.ExpectedProfit;
            _p[17].Value = call.RoiPercent;
            _p[18].Value = call.AlertSentAt!.Value.ToString("O", CultureInfo.InvariantCulture);
            _p[19].Value = call.UsersNotified ?? 1;
            _p[20].Value = call.DataSource;
            _command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose()
    {
        _command.Dispose();
        _connection.Dispose();
    }
}
