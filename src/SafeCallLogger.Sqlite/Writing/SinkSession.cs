using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// The sink's open connection and its prepared commands, reused for every batch. Applies one batch in one
/// transaction with the same rules as <see cref="InMemoryCallSink"/>. Not thread-safe: the sink serializes writes.
/// </summary>
internal sealed class SinkSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly int _maxPending;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _markApplied;
    private readonly SqliteCommand _insertCall;
    private readonly SqliteCommand _rebroadcast;
    private readonly SqliteCommand _insertNotified;
    private readonly SqliteCommand _callExists;
    private readonly SqliteCommand _insertClickUser;
    private readonly SqliteCommand _repeatClickUser;
    private readonly SqliteCommand _countClick;
    private readonly SqliteCommand _setResult;
    private readonly SqliteCommand _setClosingLines;
    private readonly SqliteCommand _insertPending;
    private readonly SqliteCommand _selectPending;
    private readonly SqliteCommand _deletePending;
    private readonly SqliteCommand _countPending;
    private readonly SqliteCommand _anyPending;
    private readonly List<CallOperation> _pendingBuffer = [];

    // Rows in the pending table as far as this session knows (other processes may add or consume some); only used to cap growth.
    private long _pendingCount;

    // The first discarded operation of this connection is a warning; later ones are Debug (and counted by the sink).
    private bool _orphanWarned;

    private SinkSession(SqliteConnection connection, TableNames t, int maxPending, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _maxPending = maxPending;
        Connection = connection;

        _markApplied = Prepare($"INSERT OR IGNORE INTO {t.AppliedOps} (op_id, applied_at) VALUES ($op, $at)", "$op", "$at");
        var columns = SqliteSchema.Columns;
        _insertCall = Prepare(
            $"INSERT OR IGNORE INTO {t.Calls} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(static c => "$" + c))})",
            columns.Select(static c => "$" + c).ToArray());
        _rebroadcast = Prepare($"UPDATE {t.Calls} SET total_users_notified = COALESCE(total_users_notified, 0) + $n WHERE call_id = $id", "$n", "$id");
        _insertNotified = Prepare($"INSERT OR IGNORE INTO {t.NotifiedUsers} (call_id, user_id, notified_at) VALUES ($id, $user, $at)", "$id", "$user", "$at");
        _callExists = Prepare($"SELECT 1 FROM {t.Calls} WHERE call_id = $id", "$id");
        _insertClickUser = Prepare($"INSERT OR IGNORE INTO {t.Clicks} (call_id, user_id, click_count, first_clicked_at, last_clicked_at) VALUES ($id, $user, 1, $at, $at)", "$id", "$user", "$at");
        _repeatClickUser = Prepare($"UPDATE {t.Clicks} SET click_count = click_count + 1, last_clicked_at = $at WHERE call_id = $id AND user_id = $user", "$id", "$user", "$at");
        _countClick = Prepare($"UPDATE {t.Calls} SET alert_clicked_count = COALESCE(alert_clicked_count, 0) + 1, total_users_bet = COALESCE(total_users_bet, 0) + $bet WHERE call_id = $id", "$bet", "$id");
        _setResult = Prepare($"UPDATE {t.Calls} SET actual_outcome = $outcome, actual_profit = $profit WHERE call_id = $id", "$outcome", "$profit", "$id");
        _setClosingLines = Prepare(
            $"""
            UPDATE {t.Calls} SET closing_line_a = $a, closing_line_b = $b,
                clv_a = (odds_a_decimal / $a - 1) * 100, clv_b = (odds_b_decimal / $b - 1) * 100,
                line_movement_speed = COALESCE($speed, line_movement_speed)
            WHERE call_id = $id
            """,
            "$a", "$b", "$speed", "$id");
        _insertPending = Prepare(
            $"INSERT INTO {t.PendingOps} (call_id, kind, received_at, user_id, outcome, profit, closing_line_a, closing_line_b, line_movement_speed) VALUES ($id, $kind, $at, $user, $outcome, $profit, $a, $b, $speed)",
            "$id", "$kind", "$at", "$user", "$outcome", "$profit", "$a", "$b", "$speed");
        _selectPending = Prepare($"SELECT kind, received_at, user_id, outcome, profit, closing_line_a, closing_line_b, line_movement_speed FROM {t.PendingOps} WHERE call_id = $id ORDER BY seq", "$id");
        _deletePending = Prepare($"DELETE FROM {t.PendingOps} WHERE call_id = $id", "$id");
        _countPending = Prepare($"SELECT COUNT(*) FROM {t.PendingOps}");
        _anyPending = Prepare($"SELECT EXISTS (SELECT 1 FROM {t.PendingOps})");
        _pendingCount = CountPending();
    }

    public SqliteConnection Connection { get; }

    /// <summary>Opens the database, creates or upgrades the schema, and prepares every command. Throws on failure.</summary>
    public static SinkSession Open(string connectionString, SqliteSinkOptions options, TableNames names, ILogger logger)
    {
        var connection = SqliteConnections.Open(connectionString, options.BusyTimeout, enableWal: true);
        try
        {
            SqliteSchema.EnsureCreated(connection, names);
            SqliteLog.Opened(logger, names.Plain, connection.DataSource, SqliteSchema.ReadVersion(connection));
            return new SinkSession(connection, names, options.MaxPendingOperations, logger);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Applies the batch in one transaction; returns how many operations were orphaned. Throws (and rolls back) on failure or cancellation.</summary>
    public long Write(IReadOnlyList<CallOperation> operations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowText = SqliteText.Timestamp(now);
        var pendingCount = _pendingCount;
        long orphaned = 0;
        var recounted = false;
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }

        // Read from the file, not from this session's count, so rows queued by another process are seen; the
        // immediate transaction holds the write lock, so nobody else can add one until it commits.
        var anyPending = (long)_anyPending.ExecuteScalar()! != 0;

        foreach (var operation in operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!MarkApplied(operation.OperationId, nowText))
            {
                continue;
            }

            if (operation.Kind == CallOperationKind.UpsertCall)
            {
                pendingCount -= Upsert(operation, anyPending);
            }
            else if (!ApplyToStoredCall(operation))
            {
                if (pendingCount >= _maxPending && !recounted)
                {
                    // The count is an estimate (retention and other processes delete pending rows): check before discarding.
                    pendingCount = CountPending();
                    recounted = true;
                }

                if (pendingCount >= _maxPending)
                {
                    orphaned++;
                    if (!_orphanWarned)
                    {
                        _orphanWarned = true;
                        SqliteLog.FirstOrphaned(_logger, operation.Kind, operation.CallId, _maxPending);
                    }
                    else
                    {
                        SqliteLog.Orphaned(_logger, operation.Kind, operation.CallId, _maxPending);
                    }
                }
                else
                {
                    InsertPending(operation);
                    pendingCount++;
                    anyPending = true;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        _pendingCount = Math.Max(0, pendingCount);
        return orphaned;
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private bool MarkApplied(Guid operationId, string nowText)
    {
        _markApplied.Parameters[0].Value = operationId.ToByteArray();
        _markApplied.Parameters[1].Value = nowText;
        return _markApplied.ExecuteNonQuery() == 1;
    }

    /// <summary>Inserts the call or adds a re-broadcast; applies the operations that waited for it. Returns how many pending rows it consumed.</summary>
    private int Upsert(in CallOperation operation, bool anyPending)
    {
        var call = operation.Call!;
        var p = _insertCall.Parameters;
        var i = 0;
        p[i++].Value = operation.CallId;
        p[i++].Value = call.CallType.ToStorageValue();
        p[i++].Value = (object?)call.Sport ?? DBNull.Value;
        p[i++].Value = (object?)call.League ?? DBNull.Value;
        p[i++].Value = call.TeamA;
        p[i++].Value = call.TeamB;
        p[i++].Value = SqliteText.Timestamp(call.MatchDate);
        p[i++].Value = SqliteText.Timestamp(call.MatchCommenceTime);
        p[i++].Value = call.BookmakerA;
        p[i++].Value = call.BookmakerB;
        p[i++].Value = (object?)call.MarketType ?? DBNull.Value;
        p[i++].Value = call.OddsA.Value;
        p[i++].Value = call.OddsB.Value;
        p[i++].Value = call.OddsA.DecimalValue;
        p[i++].Value = call.OddsB.DecimalValue;
        p[i++].Value = (object?)call.RecommendedStakeA ?? DBNull.Value;
        p[i++].Value = (object?)call.RecommendedStakeB ?? DBNull.Value;
        p[i++].Value = (object?)call.TotalStake ?? DBNull.Value;
        p[i++].Value = (object?)call.ExpectedProfit ?? DBNull.Value;
        p[i++].Value = call.RoiPercent;
        p[i++].Value = SqliteText.Timestamp(operation.Timestamp);
        p[i++].Value = SqliteText.Timestamp(call.ExpiresAt);
        p[i++].Value = operation.UsersNotified;
        p[i++].Value = 0;
        p[i++].Value = 0;
        p[i++].Value = DBNull.Value;
        p[i++].Value = DBNull.Value;
        p[i++].Value = (object?)call.LineMovementSpeed?.ToStorageValue() ?? DBNull.Value;
        p[i++].Value = DBNull.Value;
        p[i++].Value = DBNull.Value;
        p[i++].Value = DBNull.Value;
        p[i++].Value = DBNull.Value;
        p[i++].Value = (object?)call.DataSource ?? DBNull.Value;
        p[i].Value = (object?)call.RawData?.ToJsonString() ?? DBNull.Value;

        var inserted = _insertCall.ExecuteNonQuery() == 1;
        if (!inserted)
        {
            _rebroadcast.Parameters[0].Value = operation.UsersNotified;
            _rebroadcast.Parameters[1].Value = operation.CallId;
            _rebroadcast.ExecuteNonQuery();
        }

        if (call.NotifiedUserIds is { Count: > 0 } users)
        {
            _insertNotified.Parameters[0].Value = operation.CallId;
            _insertNotified.Parameters[2].Value = SqliteText.Timestamp(operation.Timestamp);
            foreach (var user in users)
            {
                _insertNotified.Parameters[1].Value = user;
                _insertNotified.ExecuteNonQuery();
            }
        }

        // Looked up (by the call_id index) for every new call whenever the file holds any pending row, whoever wrote it.
        return inserted && anyPending ? ApplyPending(operation.CallId) : 0;
    }

    private int ApplyPending(string callId)
    {
        _pendingBuffer.Clear();
        _selectPending.Parameters[0].Value = callId;
        using (var reader = _selectPending.ExecuteReader())
        {
            while (reader.Read())
            {
                var kind = (CallOperationKind)reader.GetInt32(0);
                _ = SqliteText.TryParseTimestamp(reader.GetString(1), out var at);
                _ = StorageValues.TryParseOutcome(reader.IsDBNull(3) ? null : reader.GetString(3), out var outcome);
                LineMovementSpeed? speed = !reader.IsDBNull(7) && StorageValues.TryParseLineMovementSpeed(reader.GetString(7), out var s) ? s : null;
                _pendingBuffer.Add(new CallOperation
                {
                    Kind = kind,
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

        foreach (var waiting in _pendingBuffer)
        {
            ApplyToStoredCall(waiting);
        }

        _deletePending.Parameters[0].Value = callId;
        return _deletePending.ExecuteNonQuery();
    }

    /// <summary>Applies a click, result or closing lines to a stored call; <see langword="false"/> when the call is not stored.</summary>
    private bool ApplyToStoredCall(in CallOperation operation)
    {
        switch (operation.Kind)
        {
            case CallOperationKind.AddClick:
                return AddClick(operation);
            case CallOperationKind.SetResult:
                _setResult.Parameters[0].Value = operation.Outcome.ToStorageValue();
                _setResult.Parameters[1].Value = (object?)operation.Profit ?? DBNull.Value;
                _setResult.Parameters[2].Value = operation.CallId;
                return _setResult.ExecuteNonQuery() > 0;
            case CallOperationKind.SetClosingLines:
                _setClosingLines.Parameters[0].Value = operation.ClosingLineA.DecimalValue;
                _setClosingLines.Parameters[1].Value = operation.ClosingLineB.DecimalValue;
                _setClosingLines.Parameters[2].Value = (object?)operation.LineMovementSpeed?.ToStorageValue() ?? DBNull.Value;
                _setClosingLines.Parameters[3].Value = operation.CallId;
                return _setClosingLines.ExecuteNonQuery() > 0;
            default:
                // An unknown kind from a newer core: nothing to apply, and never an error.
                return true;
        }
    }

    private bool AddClick(in CallOperation operation)
    {
        _callExists.Parameters[0].Value = operation.CallId;
        if (_callExists.ExecuteScalar() is null)
        {
            return false;
        }

        var countsAsBet = true;
        if (operation.UserId is { } user)
        {
            var at = SqliteText.Timestamp(operation.Timestamp);
            _insertClickUser.Parameters[0].Value = operation.CallId;
            _insertClickUser.Parameters[1].Value = user;
            _insertClickUser.Parameters[2].Value = at;
            if (_insertClickUser.ExecuteNonQuery() == 0)
            {
                countsAsBet = false;
                _repeatClickUser.Parameters[0].Value = operation.CallId;
                _repeatClickUser.Parameters[1].Value = user;
                _repeatClickUser.Parameters[2].Value = at;
                _repeatClickUser.ExecuteNonQuery();
            }
        }

        _countClick.Parameters[0].Value = countsAsBet ? 1 : 0;
        _countClick.Parameters[1].Value = operation.CallId;
        _countClick.ExecuteNonQuery();
        return true;
    }

    private long CountPending() => (long)_countPending.ExecuteScalar()!;

    private void InsertPending(in CallOperation operation)
    {
        var p = _insertPending.Parameters;
        p[0].Value = operation.CallId;
        p[1].Value = (int)operation.Kind;
        p[2].Value = SqliteText.Timestamp(operation.Timestamp);
        p[3].Value = (object?)operation.UserId ?? DBNull.Value;
        p[4].Value = operation.Kind == CallOperationKind.SetResult ? operation.Outcome.ToStorageValue() : DBNull.Value;
        p[5].Value = (object?)operation.Profit ?? DBNull.Value;
        p[6].Value = operation.Kind == CallOperationKind.SetClosingLines ? operation.ClosingLineA.DecimalValue : DBNull.Value;
        p[7].Value = operation.Kind == CallOperationKind.SetClosingLines ? operation.ClosingLineB.DecimalValue : DBNull.Value;
        p[8].Value = (object?)operation.LineMovementSpeed?.ToStorageValue() ?? DBNull.Value;
        _insertPending.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            // No declared type: each value binds as its own type (TEXT, INTEGER, REAL, BLOB or NULL).
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        _commands.Add(command);
        return command;
    }
}
