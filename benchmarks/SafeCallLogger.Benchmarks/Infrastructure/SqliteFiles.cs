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
    private readonly SqliteCommand? _applied;
    private readonly int _rowsPerTransaction;
    private long _sequence;

    /// <param name="path">The database, created by the sink.</param>
    /// <param name="withAppliedOps">Also insert each row's operation id into the sink's idempotency table, as the sink does.</param>
    /// <param name="rowsPerTransaction">Rows per transaction; the default puts them all in one.</param>
    public RawInserter(string path, bool withAppliedOps = false, int rowsPerTransaction = int.MaxValue)
    {
        _rowsPerTransaction = rowsPerTransaction;
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
        if (withAppliedOps)
        {
            _applied = _connection.CreateCommand();
            _applied.CommandText = "INSERT OR IGNORE INTO arbitrage_calls_applied_ops (op_id, applied_at) VALUES ($op, $at)";
            _applied.Parameters.AddWithValue("$op", Array.Empty<byte>());
            _applied.Parameters.AddWithValue("$at", string.Empty);
        }
    }

    public void InsertAll(IReadOnlyList<CallRecord> calls)
    {
        for (var start = 0; start < calls.Count; start += _rowsPerTransaction)
        {
            InsertRange(calls, start, Math.Min(calls.Count, start + _rowsPerTransaction));
        }
    }

    private void InsertRange(IReadOnlyList<CallRecord> calls, int start, int end)
    {
        using var transaction = _connection.BeginTransaction();
        _command.Transaction = transaction;
        _command.Prepare();
        if (_applied is not null)
        {
            _applied.Transaction = transaction;
            _applied.Prepare();
        }

        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        for (var r = start; r < end; r++)
        {
            var call = calls[r];
            if (_applied is not null)
            {
                var id = new byte[16];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(id.AsSpan(8), ++_sequence);
                _applied.Parameters[0].Value = id;
                _applied.Parameters[1].Value = now;
                _applied.ExecuteNonQuery();
            }

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
