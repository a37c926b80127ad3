using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Clicks, results and closing lines whose call is not stored yet (<c>{table}_pending_ops</c>): kept, and applied in
/// order when the call arrives, whoever stores it (this sink, another process, the sqlite3 shell, the Python bot).
/// </summary>
internal sealed class PendingOperations
{
    private readonly CallUpdates _updates;
    private readonly ILogger _logger;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _count;
    private readonly SqliteCommand _any;
    private readonly SqliteCommand _dataVersion;
    private readonly SqliteCommand _storedSince;
    private readonly List<CallOperation> _buffer = [];
    private readonly List<string> _ids = [];
    private long? _seenDataVersion;

    public PendingOperations(PreparedCommands commands, TableNames t, CallUpdates updates, ILogger logger)
    {
        _updates = updates;
        _logger = logger;
        _insert = commands.Prepare(
            $"INSERT INTO {t.PendingOps} (call_id, kind, received_at, user_id, outcome, profit, closing_line_a, closing_line_b, line_movement_speed) VALUES ($id, $kind, $at, $user, $outcome, $profit, $a, $b, $speed)",
            "$id", "$kind", "$at", "$user", "$outcome", "$profit", "$a", "$b", "$speed");
        _select = commands.Prepare($"SELECT kind, received_at, user_id, outcome, profit, closing_line_a, closing_line_b, line_movement_speed FROM {t.PendingOps} WHERE call_id = $id ORDER BY seq", "$id");
        _delete = commands.Prepare($"DELETE FROM {t.PendingOps} WHERE call_id = $id", "$id");
        _count = commands.Prepare($"SELECT COUNT(*) FROM {t.PendingOps}");
        _any = commands.Prepare($"SELECT EXISTS (SELECT 1 FROM {t.PendingOps})");
        _dataVersion = commands.Prepare("PRAGMA data_version");
        _storedSince = commands.Prepare($"SELECT DISTINCT p.call_id FROM {t.PendingOps} p WHERE EXISTS (SELECT 1 FROM {t.Calls} c WHERE c.call_id = p.call_id)");
    }

    /// <summary>Whether the file holds any pending row, whoever wrote it (read under the batch's write lock).</summary>
    public bool Any() => (long)_any.ExecuteScalar()! != 0;

    public long Count() => (long)_count.ExecuteScalar()!;

    /// <summary>
    /// Applies the pending rows whose call another connection stored since this one last looked (the Python bot, the
    /// shell): without this they would wait their whole TTL. Runs only when another connection committed since
    /// (<c>PRAGMA data_version</c>), so a sink alone on its file pays one pragma per batch. Returns the rows consumed.
    /// A row that storage refuses is left to its TTL (and logged), never failing the batch it did not come with.
    /// </summary>
    public int ApplyStoredByOthers(SqliteTransaction transaction)
    {
        var version = (long)_dataVersion.ExecuteScalar()!;
        if (_seenDataVersion == version)
        {
            return 0;
        }

        _seenDataVersion = version;
        _ids.Clear();
        using (var reader = _storedSince.ExecuteReader())
        {
            while (reader.Read())
            {
                _ids.Add(reader.GetString(0));
            }
        }

        var consumed = 0;
        foreach (var callId in _ids)
        {
            // A savepoint per call: a refused row undoes only its own call's changes, never half of them.
            transaction.Save("pending");
            try
            {
                consumed += ApplyFor(callId);
                transaction.Release("pending");
            }
            catch (Exception ex) when (SqliteErrors.IsUnstorable(ex))
            {
                transaction.Rollback("pending");
                transaction.Release("pending");
                SqliteLog.PendingRefused(_logger, callId, SqliteErrors.Describe(ex));
            }
        }

        return consumed;
    }

    /// <summary>Applies, in order, every row waiting for <paramref name="callId"/>, then deletes them; returns how many.</summary>
    public int ApplyFor(string callId)
    {
        _buffer.Clear();
        _select.Parameters[0].Value = callId;
        using (var reader = _select.ExecuteReader())
        {
            while (reader.Read())
            {
                _ = SqliteText.TryParseTimestamp(reader.GetString(1), out var at);
                _ = StorageValues.TryParseOutcome(reader.IsDBNull(3) ? null : reader.GetString(3), out var outcome);
                LineMovementSpeed? speed = !reader.IsDBNull(7) && StorageValues.TryParseLineMovementSpeed(reader.GetString(7), out var s) ? s : null;
                _buffer.Add(new CallOperation
                {
                    Kind = (CallOperationKind)reader.GetInt32(0),
                    CallId = callId,
                    Timestamp = at,
                    UserId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    Outcome = outcome,
                    Profit = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                    ClosingLineA = reader.IsDBNull(5) ? default : Odds.FromDecimal(reader.GetDouble(5)),
                    ClosingLineB = reader.IsDBNull(6) ? default : Odds.FromDecimal(reader.GetDouble(6)),
                    LineMovementSpeed = speed,
                });
            }
        }

        foreach (var waiting in _buffer)
        {
            _updates.Apply(waiting);
        }

        _delete.Parameters[0].Value = callId;
        return _delete.ExecuteNonQuery();
    }

    public void Insert(in CallOperation operation)
    {
        var p = _insert.Parameters;
        p[0].Value = operation.CallId;
        p[1].Value = (int)operation.Kind;
        p[2].Value = SqliteText.Timestamp(operation.Timestamp);
        p[3].Value = (object?)operation.UserId ?? DBNull.Value;
        p[4].Value = operation.Kind == CallOperationKind.SetResult ? operation.Outcome.ToStorageValue() : DBNull.Value;
        p[5].Value = (object?)operation.Profit ?? DBNull.Value;
        p[6].Value = operation.Kind == CallOperationKind.SetClosingLines ? operation.ClosingLineA.DecimalValue : DBNull.Value;
        p[7].Value = operation.Kind == CallOperationKind.SetClosingLines ? operation.ClosingLineB.DecimalValue : DBNull.Value;
        p[8].Value = (object?)operation.LineMovementSpeed?.ToStorageValue() ?? DBNull.Value;
        _insert.ExecuteNonQuery();
    }
}
