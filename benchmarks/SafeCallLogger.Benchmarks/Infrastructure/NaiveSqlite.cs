using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>
/// The naive way (what the seed's Python does): for each call, open a connection, INSERT, commit, close. Pooled
/// connections, default journal (rollback) and synchronous=FULL, the seed's table and indexes.
/// </summary>
public sealed class NaiveSqlite
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS arbitrage_calls (
            call_id TEXT PRIMARY KEY, call_type TEXT NOT NULL, sport TEXT, league TEXT, team_a TEXT NOT NULL, team_b TEXT NOT NULL,
            match_date TEXT, match_commence_time TEXT, bookmaker_a TEXT NOT NULL, bookmaker_b TEXT NOT NULL, market_type TEXT,
            odds_a REAL, odds_b REAL, odds_a_decimal REAL, odds_b_decimal REAL, recommended_stake_a REAL, recommended_stake_b REAL,
            total_stake REAL, expected_profit REAL, roi_percent REAL, alert_sent_at TEXT, expires_at TEXT,
            total_users_notified INTEGER DEFAULT 0, total_users_bet INTEGER DEFAULT 0, alert_clicked_count INTEGER DEFAULT 0,
            actual_outcome TEXT, actual_profit REAL, line_movement_speed TEXT, closing_line_a REAL, closing_line_b REAL,
            clv_a REAL, clv_b REAL, data_source TEXT, raw_data TEXT);
        CREATE INDEX IF NOT EXISTS idx_calls_type ON arbitrage_calls(call_type);
        CREATE INDEX IF NOT EXISTS idx_calls_sport ON arbitrage_calls(sport);
        CREATE INDEX IF NOT EXISTS idx_calls_roi ON arbitrage_calls(roi_percent);
        CREATE INDEX IF NOT EXISTS idx_calls_sent ON arbitrage_calls(alert_sent_at);
        """;

    public const string Insert = """
        INSERT OR REPLACE INTO arbitrage_calls (call_id, call_type, sport, league, team_a, team_b, bookmaker_a, bookmaker_b, market_type,
            odds_a, odds_b, odds_a_decimal, odds_b_decimal, recommended_stake_a, recommended_stake_b, total_stake, expected_profit,
            roi_percent, alert_sent_at, total_users_notified, data_source)
        VALUES ($id, $type, $sport, $league, $ta, $tb, $ba, $bb, $market, $oa, $ob, $oad, $obd, $sa, $sb, $ts, $ep, $roi, $sent, $users, $src)
        """;

    private readonly string _connectionString;
    private long _next;

    public NaiveSqlite(string path)
    {
        _connectionString = SqliteFiles.ConnectionString(SqliteFiles.Fresh(path));
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Ddl;
        command.ExecuteNonQuery();
    }

    public int InsertOne(CallRecord call)
    {
        var id = (++_next).ToString("x16", CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Insert;
        Bind(command, call, id, DateTimeOffset.UtcNow);
        return command.ExecuteNonQuery();
    }

    public static void Bind(SqliteCommand command, CallRecord call, string id, DateTimeOffset sentAt)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", id);
        p.AddWithValue("$type", "arbitrage");
        p.AddWithValue("$sport", (object?)call.Sport ?? DBNull.Value);
        p.AddWithValue("$league", (object?)call.League ?? DBNull.Value);
        p.AddWithValue("$ta", call.TeamA);
        p.AddWithValue("$tb", call.TeamB);
        p.AddWithValue("$ba", call.BookmakerA);
        p.AddWithValue("$bb", call.BookmakerB);
        p.AddWithValue("$market", (object?)call.MarketType ?? DBNull.Value);
        p.AddWithValue("$oa", call.OddsA.Value);
        p.AddWithValue("$ob", call.OddsB.Value);
        p.AddWithValue("$oad", call.OddsA.DecimalValue);
        p.AddWithValue("$obd", call.OddsB.DecimalValue);
        p.AddWithValue("$sa", (object?)call.RecommendedStakeA ?? DBNull.Value);
        p.AddWithValue("$sb", (object?)call.RecommendedStakeB ?? DBNull.Value);
        p.AddWithValue("$ts", (object?)call.TotalStake ?? DBNull.Value);
        p.AddWithValue("$ep", (object?)call.ExpectedProfit ?? DBNull.Value);
        p.AddWithValue("$roi", call.RoiPercent);
        p.AddWithValue("$sent", sentAt.ToString("O", CultureInfo.InvariantCulture));
        p.AddWithValue("$users", call.UsersNotified ?? 1);
        p.AddWithValue("$src", (object?)call.DataSource ?? DBNull.Value);
    }
}
