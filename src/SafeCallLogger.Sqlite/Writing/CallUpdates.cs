using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Sqlite.Internal;

/// <summary>Applies a click, a result or closing lines to a stored call, with the same rules as <see cref="InMemoryCallSink"/>.</summary>
internal sealed class CallUpdates
{
    private readonly SqliteCommand _callExists;
    private readonly SqliteCommand _insertClickUser;
    private readonly SqliteCommand _repeatClickUser;
    private readonly SqliteCommand _countClick;
    private readonly SqliteCommand _setResult;
    private readonly SqliteCommand _setClosingLines;

    public CallUpdates(PreparedCommands commands, TableNames t)
    {
        _callExists = commands.Prepare($"SELECT 1 FROM {t.Calls} WHERE call_id = $id", "$id");
        _insertClickUser = commands.Prepare($"INSERT OR IGNORE INTO {t.Clicks} (call_id, user_id, click_count, first_clicked_at, last_clicked_at) VALUES ($id, $user, 1, $at, $at)", "$id", "$user", "$at");
        _repeatClickUser = commands.Prepare($"UPDATE {t.Clicks} SET click_count = click_count + 1, last_clicked_at = $at WHERE call_id = $id AND user_id = $user", "$id", "$user", "$at");
        _countClick = commands.Prepare($"UPDATE {t.Calls} SET alert_clicked_count = COALESCE(alert_clicked_count, 0) + 1, total_users_bet = COALESCE(total_users_bet, 0) + $bet WHERE call_id = $id", "$bet", "$id");
        _setResult = commands.Prepare($"UPDATE {t.Calls} SET actual_outcome = $outcome, actual_profit = $profit WHERE call_id = $id", "$outcome", "$profit", "$id");
        _setClosingLines = commands.Prepare(
            $"""
            UPDATE {t.Calls} SET closing_line_a = $a, closing_line_b = $b,
                clv_a = (odds_a_decimal / $a - 1) * 100, clv_b = (odds_b_decimal / $b - 1) * 100,
                line_movement_speed = COALESCE($speed, line_movement_speed)
            WHERE call_id = $id
            """,
            "$a", "$b", "$speed", "$id");
    }

    /// <summary>Applies the operation to its stored call; <see langword="false"/> when the call is not stored.</summary>
    public bool Apply(in CallOperation operation)
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
}
