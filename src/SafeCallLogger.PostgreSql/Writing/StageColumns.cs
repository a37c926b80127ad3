using Npgsql;

namespace SafeCallLogger.PostgreSql.Internal;

/// <summary>
/// The columns of the session's staging table (<c>pg_temp.scl_stage</c>): one row per operation of a batch, sent as
/// one typed array per column and spread by <c>unnest</c>, so a batch of any size is one statement with a fixed
/// number of parameters (one plan, prepared once). Each column says how it reads an operation.
/// </summary>
internal static class StageColumns
{
    /// <summary>Every column, in table order; the name is also the staging table's column name.</summary>
    public static readonly IStageColumn[] All =
    [
        new Column<long>("pos", "bigint", static (o, i) => i),
        new Column<Guid>("op_id", "uuid", static (o, _) => o.OperationId),
        new Column<short>("kind", "smallint", static (o, _) => (short)o.Kind),
        new Column<string>("call_id", "text", static (o, _) => o.CallId),
        new Column<DateTime>("ts", "timestamptz", static (o, _) => o.Timestamp.UtcDateTime),
        new Column<long?>("user_id", "bigint", static (o, _) => o.UserId),
        new Column<int>("users_notified", "integer", static (o, _) => o.UsersNotified),
        new Column<string?>("outcome", "text", static (o, _) => o.Kind == CallOperationKind.SetResult ? o.Outcome.ToStorageValue() : null),
        new Column<double?>("profit", "double precision", static (o, _) => o.Kind == CallOperationKind.SetResult ? o.Profit : null),
        new Column<double?>("cl_a", "double precision", static (o, _) => o.Kind == CallOperationKind.SetClosingLines ? o.ClosingLineA.DecimalValue : null),
        new Column<double?>("cl_b", "double precision", static (o, _) => o.Kind == CallOperationKind.SetClosingLines ? o.ClosingLineB.DecimalValue : null),
        new Column<string?>("speed", "text", static (o, _) => (o.Kind == CallOperationKind.UpsertCall ? o.Call?.LineMovementSpeed : o.LineMovementSpeed)?.ToStorageValue()),
        new Column<string?>("call_type", "text", static (o, _) => o.Call?.CallType.ToStorageValue()),
        new Column<string?>("sport", "text", static (o, _) => o.Call?.Sport),
        new Column<string?>("league", "text", static (o, _) => o.Call?.League),
        new Column<string?>("team_a", "text", static (o, _) => o.Call?.TeamA),
        new Column<string?>("team_b", "text", static (o, _) => o.Call?.TeamB),
        new Column<DateTime?>("match_date", "timestamptz", static (o, _) => o.Call?.MatchDate?.UtcDateTime),
        new Column<DateTime?>("match_commence_time", "timestamptz", static (o, _) => o.Call?.MatchCommenceTime?.UtcDateTime),
        new Column<string?>("bookmaker_a", "text", static (o, _) => o.Call?.BookmakerA),
        new Column<string?>("bookmaker_b", "text", static (o, _) => o.Call?.BookmakerB),
        new Column<string?>("market_type", "text", static (o, _) => o.Call?.MarketType),
        new Column<double?>("odds_a", "double precision", static (o, _) => o.Call?.OddsA.Value),
        new Column<double?>("odds_b", "double precision", static (o, _) => o.Call?.OddsB.Value),
        new Column<double?>("odds_a_decimal", "double precision", static (o, _) => o.Call?.OddsA.DecimalValue),
        new Column<double?>("odds_b_decimal", "double precision", static (o, _) => o.Call?.OddsB.DecimalValue),
        new Column<double?>("recommended_stake_a", "double precision", static (o, _) => o.Call?.RecommendedStakeA),
        new Column<double?>("recommended_stake_b", "double precision", static (o, _) => o.Call?.RecommendedStakeB),
        new Column<double?>("total_stake", "double precision", static (o, _) => o.Call?.TotalStake),
        new Column<double?>("expected_profit", "double precision", static (o, _) => o.Call?.ExpectedProfit),
        new Column<double?>("roi_percent", "double precision", static (o, _) => o.Call?.RoiPercent),
        new Column<DateTime?>("expires_at", "timestamptz", static (o, _) => o.Call?.ExpiresAt?.UtcDateTime),
        new Column<string?>("data_source", "text", static (o, _) => o.Call?.DataSource),

        // The text taken at the door; a core older than that snapshot still hands the JsonObject itself. Cast to jsonb
        // when the call is inserted, so text the server refuses fails that call's statement (and is found by bisection).
        new Column<string?>("raw_data", "text", static (o, _) => o.Kind == CallOperationKind.UpsertCall ? o.RawDataJson ?? o.Call?.RawData?.ToJsonString() : null),
    ];

    /// <summary>The staging table's DDL: temporary, emptied at every commit, made once per connection.</summary>
    public static string CreateTable() => $"""
        CREATE TEMP TABLE IF NOT EXISTS scl_stage ({string.Join(", ", All.Select(static c => c.Name + " " + c.Type))}) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS scl_stage_users (pos bigint NOT NULL, user_id bigint NOT NULL) ON COMMIT DELETE ROWS;
        """;

    /// <summary>The statement that fills the staging table from one array parameter per column.</summary>
    public static string InsertSql() =>
        $"INSERT INTO pg_temp.scl_stage ({string.Join(", ", All.Select(static c => c.Name))}) SELECT * FROM unnest({string.Join(", ", All.Select(static (c, i) => $"${i + 1}::{c.Type}[]"))})";

    /// <summary>A column of the staging table and how it reads an operation.</summary>
    internal interface IStageColumn
    {
        string Name { get; }

        string Type { get; }

        /// <summary>One array parameter holding this column's value for every operation of <paramref name="batch"/>.</summary>
        NpgsqlParameter Parameter(IReadOnlyList<CallOperation> batch, int count);
    }

    private sealed class Column<T>(string name, string type, Func<CallOperation, long, T> read) : IStageColumn
    {
        public string Name { get; } = name;

        public string Type { get; } = type;

        public NpgsqlParameter Parameter(IReadOnlyList<CallOperation> batch, int count)
        {
            var values = new T[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = read(batch[i], i);
            }

            return new NpgsqlParameter<T[]> { TypedValue = values };
        }
    }
}
