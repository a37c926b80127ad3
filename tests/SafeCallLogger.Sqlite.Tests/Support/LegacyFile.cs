using System.Globalization;
using SafeCallLogger.Sqlite.Internal;

namespace SafeCallLogger.Sqlite.Tests.Support;

/// <summary>A file as schema 2 of this library left it: its tables and rows whose times are in the old ISO 'T…Z' form.</summary>
internal static class LegacyFile
{
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Creates (or completes, on a seed-created table) the schema 2 tables, as the previous version did.</summary>
    public static void CreateSchema2(TempDatabase db)
    {
        var t = new TableNames("arbitrage_calls");
        db.Execute(SqliteSchema.Version1(t) + SqliteSchema.Version2(t) + SqliteSchema.FillTotals(t) + "PRAGMA user_version = 2;");
    }

    /// <summary>Inserts a call as the previous version wrote it, with a notified user, a click and an applied operation.</summary>
    public static void InsertCall(TempDatabase db, string id, DateTimeOffset sentAt, CallType type = CallType.Arbitrage)
    {
        var at = Iso(sentAt);
        db.Execute($"""
            INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, match_date, match_commence_time, bookmaker_a, bookmaker_b,
                                         odds_a, odds_b, odds_a_decimal, odds_b_decimal, roi_percent, alert_sent_at, expires_at,
                                         total_users_notified, total_users_bet, alert_clicked_count, data_source)
            VALUES ('{id}', '{type.ToStorageValue()}', 'basketball_nba', 'Lakers', 'Celtics', '{Iso(sentAt.Date)}', '{Iso(sentAt.AddHours(2))}',
                    'bet365', 'pinnacle', 2.1, 2.05, 2.1, 2.05, 3.7, '{at}', '{Iso(sentAt.AddMinutes(15))}', 1, 1, 1, 'dotnet_v2');
            INSERT INTO arbitrage_calls_notified_users (call_id, user_id, notified_at) VALUES ('{id}', 7, '{at}');
            INSERT INTO arbitrage_calls_clicks (call_id, user_id, click_count, first_clicked_at, last_clicked_at) VALUES ('{id}', 7, 1, '{at}', '{at}');
            INSERT INTO arbitrage_calls_applied_ops (op_id, applied_at) VALUES (randomblob(16), '{at}');
            """);
    }

    /// <summary>How many time values in the old form are left, over every table of ours.</summary>
    public static long LegacyValues(TempDatabase db)
    {
        const string Old = "'" + SqliteText.LegacyTimestampGlob + "'";
        return db.Count($"""
            SELECT (SELECT COUNT(*) FROM arbitrage_calls WHERE match_date GLOB {Old} OR match_commence_time GLOB {Old} OR alert_sent_at GLOB {Old} OR expires_at GLOB {Old})
                 + (SELECT COUNT(*) FROM arbitrage_calls_notified_users WHERE notified_at GLOB {Old})
                 + (SELECT COUNT(*) FROM arbitrage_calls_clicks WHERE first_clicked_at GLOB {Old} OR last_clicked_at GLOB {Old})
                 + (SELECT COUNT(*) FROM arbitrage_calls_pending_ops WHERE received_at GLOB {Old})
                 + (SELECT COUNT(*) FROM arbitrage_calls_applied_ops WHERE applied_at GLOB {Old})
            """);
    }
}
