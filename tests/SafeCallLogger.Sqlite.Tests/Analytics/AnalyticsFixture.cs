using SafeCallLogger.Sqlite.Tests.Support;

namespace SafeCallLogger.Sqlite.Tests.Analytics;

/// <summary>
/// A real SQLite file written by <see cref="SqliteCallSink"/> from a hand-made schedule of calls, clicks, results and
/// closing lines, and the store that reads it. Other writers' rows go in with <see cref="TempDatabase.Execute"/>.
/// </summary>
internal sealed class AnalyticsFixture : IDisposable
{
    private readonly List<CallOperation> _operations = [];

    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public TempDatabase Db { get; } = new();

    public SqliteCallStore Store => new(Db.ConnectionString);

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    public AnalyticsFixture Call(
        string id,
        DateTimeOffset sentAt,
        string? sport = "basketball_nba",
        string bookA = "bet365",
        string bookB = "pinnacle",
        double roi = 2.5,
        int notified = 10,
        long[]? users = null,
        CallType type = CallType.Arbitrage,
        TimeSpan? lifetime = null,
        Odds? oddsA = null,
        Odds? oddsB = null,
        double? stake = 100,
        string dataSource = "odds_api",
        string? league = "NBA",
        string? market = "h2h",
        LineMovementSpeed? speed = null)
    {
        _operations.Add(new CallOperation
        {
            OperationId = Guid.NewGuid(),
            Kind = CallOperationKind.UpsertCall,
            CallId = id,
            Timestamp = sentAt,
            UsersNotified = users?.Length ?? notified,
            Call = new CallRecord
            {
                CallId = id,
                CallType = type,
                Sport = sport,
                League = league,
                TeamA = "Team A " + id,
                TeamB = "Team B " + id,
                BookmakerA = bookA,
                BookmakerB = bookB,
                MarketType = market,
                OddsA = oddsA ?? 2.10,
                OddsB = oddsB ?? 2.05,
                TotalStake = stake,
                RoiPercent = roi,
                AlertSentAt = sentAt,
                ExpiresAt = lifetime is { } l ? sentAt + l : null,
                NotifiedUserIds = users,
                DataSource = dataSource,
                LineMovementSpeed = speed,
            },
        });
        return this;
    }

    public AnalyticsFixture Click(string id, long? user, DateTimeOffset at)
    {
        _operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = id, UserId = user, Timestamp = at });
        return this;
    }

    public AnalyticsFixture Result(string id, CallOutcome outcome, double? profit)
    {
        _operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetResult, CallId = id, Outcome = outcome, Profit = profit, Timestamp = Utc(12, 1, 0) });
        return this;
    }

    public AnalyticsFixture Closing(string id, Odds a, Odds b, LineMovementSpeed? speed = null)
    {
        _operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetClosingLines, CallId = id, ClosingLineA = a, ClosingLineB = b, LineMovementSpeed = speed, Timestamp = Utc(12, 1, 0) });
        return this;
    }

    /// <summary>Writes the schedule through the sink and returns the store.</summary>
    public async Task<SqliteCallStore> WriteAsync()
    {
        await using (var sink = new SqliteCallSink(Db.ConnectionString, timeProvider: new FakeTimeProvider(Utc(12, 1, 0))))
        {
            await sink.WriteAsync(_operations, CancellationToken.None);
        }

        _operations.Clear();
        return Store;
    }

    public void Dispose() => Db.Dispose();
}
