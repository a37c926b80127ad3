using Npgsql;
using NpgsqlTypes;
using SafeCallLogger.PostgreSql;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>
/// The PostgreSQL floor: one binary COPY (<see cref="NpgsqlBinaryImporter"/>) of the rows the sink would store, all 34
/// columns, into a plain table of the same columns, in one transaction. Two plain tables: <c>calls_indexed</c> is
/// <c>LIKE arbitrage_calls INCLUDING ALL</c> (the primary key and the 4 indexes, no triggers, no companion tables);
/// <c>calls_bare</c> is <c>LIKE arbitrage_calls</c> (columns only).
/// </summary>
public sealed class PgCopyFloor : IDisposable
{
    private static readonly string Columns = string.Join(", ",
        "call_id", "call_type", "sport", "league", "team_a", "team_b", "match_date", "match_commence_time",
        "bookmaker_a", "bookmaker_b", "market_type", "odds_a", "odds_b", "odds_a_decimal", "odds_b_decimal",
        "recommended_stake_a", "recommended_stake_b", "total_stake", "expected_profit", "roi_percent",
        "alert_sent_at", "expires_at", "total_users_notified", "total_users_bet", "alert_clicked_count",
        "actual_outcome", "actual_profit", "line_movement_speed", "closing_line_a", "closing_line_b", "clv_a", "clv_b",
        "data_source", "raw_data");

    private readonly NpgsqlConnection _connection;

    private PgCopyFloor(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Makes the sink's schema in <paramref name="connectionString"/> (one call written), then the two plain tables.</summary>
    public static async Task<PgCopyFloor> CreateAsync(string connectionString)
    {
        await using (var sink = new PostgreSqlCallSink(connectionString))
        {
            await sink.WriteAsync([Calls.Operation(Calls.Arbitrage("schema", withTime: true), "schema")], CancellationToken.None);
        }

        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE TABLE calls_indexed (LIKE arbitrage_calls INCLUDING ALL); CREATE TABLE calls_bare (LIKE arbitrage_calls)", connection);
        await command.ExecuteNonQueryAsync();
        return new PgCopyFloor(connection);
    }

    /// <summary>Opens another connection on a database <see cref="CreateAsync"/> prepared.</summary>
    public static async Task<PgCopyFloor> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return new PgCopyFloor(connection);
    }

    /// <summary>COPYs <paramref name="calls"/> into <paramref name="table"/> in one transaction; returns the rows written.</summary>
    public ulong Copy(string table, IReadOnlyList<CallRecord> calls)
    {
        using var transaction = _connection.BeginTransaction();
        ulong rows;
        using (var importer = _connection.BeginBinaryImport($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in calls)
            {
                importer.StartRow();
                importer.Write(c.CallId!, NpgsqlDbType.Text);
                importer.Write("arbitrage", NpgsqlDbType.Text);
                Text(importer, c.Sport);
                Text(importer, c.League);
                Text(importer, c.TeamA);
                Text(importer, c.TeamB);
                Time(importer, c.MatchDate);
                Time(importer, c.MatchCommenceTime);
                importer.Write(c.BookmakerA!, NpgsqlDbType.Text);
                importer.Write(c.BookmakerB!, NpgsqlDbType.Text);
                Text(importer, c.MarketType);
                importer.Write(c.OddsA.Value, NpgsqlDbType.Double);
                importer.Write(c.OddsB.Value, NpgsqlDbType.Double);
                importer.Write(c.OddsA.DecimalValue, NpgsqlDbType.Double);
                importer.Write(c.OddsB.DecimalValue, NpgsqlDbType.Double);
                Number(importer, c.RecommendedStakeA);
                Number(importer, c.RecommendedStakeB);
                Number(importer, c.TotalStake);
                Number(importer, c.ExpectedProfit);
                importer.Write(c.RoiPercent, NpgsqlDbType.Double);
                Time(importer, c.AlertSentAt);
                Time(importer, c.ExpiresAt);
                importer.Write(c.UsersNotified ?? 1, NpgsqlDbType.Integer);
                importer.Write(0, NpgsqlDbType.Integer);
                importer.Write(0, NpgsqlDbType.Integer);
                for (var i = 0; i < 7; i++)
                {
                    // actual_outcome … clv_b: unknown when the call is sent.
                    importer.WriteNull();
                }

                Text(importer, c.DataSource);
                importer.WriteNull();
            }

            rows = importer.Complete();
        }

        transaction.Commit();
        return rows;
    }

    public void Dispose() => _connection.Dispose();

    private static void Text(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Number(NpgsqlBinaryImporter importer, double? value)
    {
        if (value is { } v)
        {
            importer.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static void Time(NpgsqlBinaryImporter importer, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            importer.Write(v.UtcDateTime, NpgsqlDbType.TimestampTz);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
