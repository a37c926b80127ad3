using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>
/// Stores a call: inserts its row, or adds a re-broadcast's users to the stored one, and records who was notified.
/// Only a conflict on <c>call_id</c> means a re-broadcast: any other constraint of the table (one a Python bot's
/// table may add) fails the statement, so the call is set aside as unstorable instead of dropped and counted written.
/// </summary>
internal sealed class CallInserts
{
    private readonly SqliteCommand _insertCall;
    private readonly SqliteCommand _rebroadcast;
    private readonly SqliteCommand _insertNotified;

    public CallInserts(PreparedCommands commands, TableNames t)
    {
        var columns = SqliteSchema.Columns;
        _insertCall = commands.Prepare(
            $"INSERT INTO {t.Calls} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(static c => "$" + c))}) ON CONFLICT (call_id) DO NOTHING",
            columns.Select(static c => "$" + c).ToArray());
        _rebroadcast = commands.Prepare($"UPDATE {t.Calls} SET total_users_notified = COALESCE(total_users_notified, 0) + $n WHERE call_id = $id", "$n", "$id");
        _insertNotified = commands.Prepare($"INSERT OR IGNORE INTO {t.NotifiedUsers} (call_id, user_id, notified_at) VALUES ($id, $user, $at)", "$id", "$user", "$at");
    }

    /// <summary>Stores the call of an <see cref="CallOperationKind.UpsertCall"/>; <see langword="true"/> when its row is new.</summary>
    public bool Upsert(in CallOperation operation)
    {
        Bind(operation);
        var inserted = _insertCall.ExecuteNonQuery() == 1;
        if (!inserted)
        {
            _rebroadcast.Parameters[0].Value = operation.UsersNotified;
            _rebroadcast.Parameters[1].Value = operation.CallId;
            _rebroadcast.ExecuteNonQuery();
        }

        if (operation.Call!.NotifiedUserIds is { Count: > 0 } users)
        {
            _insertNotified.Parameters[0].Value = operation.CallId;
            _insertNotified.Parameters[2].Value = SqliteText.Timestamp(operation.Timestamp);
            foreach (var user in users)
            {
                _insertNotified.Parameters[1].Value = user;
                _insertNotified.ExecuteNonQuery();
            }
        }

        return inserted;
    }

    private void Bind(in CallOperation operation)
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

        // The text taken at the door; a core older than that snapshot still hands the JsonObject itself.
        p[i].Value = (object?)operation.RawDataJson ?? call.RawData?.ToJsonString() ?? (object)DBNull.Value;
    }
}
