namespace SafeCallLogger.Tests.Analytics;

/// <summary>
/// A hand-made schedule of calls, clicks, results and closing lines for the analytics tests, written through a store's
/// own sink by <see cref="WriteAsync"/> (which returns the store that reads it).
/// </summary>
public sealed class AnalyticsSchedule(Func<IReadOnlyList<CallOperation>, Task<ICallAnalytics>> write)
{
    private readonly List<CallOperation> _operations = [];

    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The sink's clock while it writes a schedule.</summary>
    public static DateTimeOffset WrittenAt { get; } = Utc(12, 1, 0);

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    public AnalyticsSchedule Call(
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

    public AnalyticsSchedule Click(string id, long? user, DateTimeOffset at)
    {
        _operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.AddClick, CallId = id, UserId = user, Timestamp = at });
        return this;
    }

    public AnalyticsSchedule Result(string id, CallOutcome outcome, double? profit)
    {
        _operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetResult, CallId = id, Outcome = outcome, Profit = profit, Timestamp = WrittenAt });
        return this;
    }

    public AnalyticsSchedule Closing(string id, Odds a, Odds b, LineMovementSpeed? speed = null)
    {
        _operations.Add(new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.SetClosingLines, CallId = id, ClosingLineA = a, ClosingLineB = b, LineMovementSpeed = speed, Timestamp = WrittenAt });
        return this;
    }

    /// <summary>Writes the schedule through the store's sink and returns the store.</summary>
    public async Task<ICallAnalytics> WriteAsync()
    {
        var operations = _operations.ToList();
        _operations.Clear();
        return await write(operations);
    }
}
