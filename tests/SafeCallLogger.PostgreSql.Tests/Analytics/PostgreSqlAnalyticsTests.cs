using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafeCallLogger.PostgreSql.Internal;
using SafeCallLogger.PostgreSql.Tests.Support;
using SafeCallLogger.Tests.Analytics;
using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.PostgreSql.Tests.Analytics;

/// <summary>The shared analytics suite and the PostgreSQL-only cases, through the single queries.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlAnalyticsTests(PgServer server) : PostgreSqlAnalyticsSuite(server)
{
    protected override ICallAnalytics Answering(PostgreSqlCallStore store) => store;
}

/// <summary>The same, every question through <see cref="ICallAnalytics.AnswerAsync"/>: the contract's default, each question through its single method, all at once.</summary>
[Collection(PgCollection.Name)]
public sealed class PostgreSqlAnalyticsAnswersTests(PgServer server) : PostgreSqlAnalyticsSuite(server)
{
    protected override ICallAnalytics Answering(PostgreSqlCallStore store) => new AnsweredTogether(store);
}

/// <summary>
/// The shared analytics suite on a database of its own on the run's real server, written by
/// <see cref="PostgreSqlCallSink"/>; and what only PostgreSQL has: a table made before the per-user tables, a zone
/// without an IANA id (converted by .NET's rules), a schema name.
/// </summary>
public abstract class PostgreSqlAnalyticsSuite(PgServer server) : CallAnalyticsConformanceTests
{
    private readonly PgDatabase _db = new(server);
    private PostgreSqlCallStore? _store;

    protected override ICallAnalytics Store => Answering(_store ??= new PostgreSqlCallStore(_db.ConnectionString));

    /// <summary>How the tests ask <paramref name="store"/>.</summary>
    protected abstract ICallAnalytics Answering(PostgreSqlCallStore store);

    [Fact]
    public async Task EveryQuery_CallsTableWithoutPerUserTables_ReadsTheCalls()
    {
        _db.Execute(PgSchema.Version1(new PgTableNames("public", "arbitrage_calls")) + """
            ;INSERT INTO arbitrage_calls (call_id, call_type, sport, team_a, team_b, bookmaker_a, bookmaker_b, odds_a, odds_b, roi_percent, alert_sent_at, expires_at, total_users_notified, alert_clicked_count)
            VALUES ('old1', 'arbitrage', 'soccer_epl', 'A', 'B', 'bet365', 'unibet', 2.1, 2.0, 2.4, '2026-03-01 10:00:00+00', '2026-03-01 10:05:00+00', 12, 1);
            """);

        Assert.Equal([new ConversionRow("soccer_epl", 1, 1, 12, 0)], await Store.GetConversionAsync(CallDimension.Sport));
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(await Store.GetTimingAsync()).Lifetime.Median);
        Assert.Empty(await Store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.All(await Store.GetRetentionAsync(), r => Assert.Equal(0, r.Cohort));
        Assert.False(_db.TableExists("public.arbitrage_calls_clicks"));
    }

    [Fact]
    public async Task Queries_ZoneWithoutIanaId_SameHoursAndDaysAsTheIanaZone()
    {
        // The EU rules since 1996: summer time from the last Sunday of March, 02:00 local, to the last Sunday of October, 03:00.
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(1996, 1, 1),
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        var custom = TimeZoneInfo.CreateCustomTimeZone("Paris rules, no IANA id", TimeSpan.FromHours(1), "custom", "custom", "custom", [rule]);
        Assert.False(custom.HasIanaId);
        var store = await F
            .Call("s1", Utc(3, 29, 0, 45)).Call("s2", Utc(3, 29, 1, 0))
            .Call("a1", Utc(10, 25, 0, 30)).Call("a2", Utc(10, 25, 1, 30)).Call("w1", Utc(1, 10, 23, 30))
            .WriteAsync();

        Assert.Equal(await store.GetConversionAsync(CallDimension.HourOfDay, new AnalyticsFilter { TimeZone = Paris }), await store.GetConversionAsync(CallDimension.HourOfDay, new AnalyticsFilter { TimeZone = custom }));
        Assert.Equal(await store.GetDailyActivityAsync(new AnalyticsFilter { TimeZone = Paris }), await store.GetDailyActivityAsync(new AnalyticsFilter { TimeZone = custom }));
        Assert.Equal(await store.GetConversionAsync(CallDimension.Weekday, new AnalyticsFilter { TimeZone = Paris }), await store.GetConversionAsync(CallDimension.Weekday, new AnalyticsFilter { TimeZone = custom }));
        Assert.Equal([1L, 2, 1], (await store.GetConversionAsync(CallDimension.HourOfDay, new AnalyticsFilter { TimeZone = custom })).Skip(1).Take(3).Select(r => r.Calls));
    }

    [Fact]
    public async Task Queries_SchemaNameOption_ReadTheTablesOfThatSchema()
    {
        var options = new PostgreSqlSinkOptions { SchemaName = "bots" };
        await using (var sink = new PostgreSqlCallSink(_db.ConnectionString, options, new FakeTimeProvider(WrittenAt)))
        {
            await sink.WriteAsync([new CallOperation { OperationId = Guid.NewGuid(), Kind = CallOperationKind.UpsertCall, CallId = "b1", Timestamp = Utc(5, 1, 10), UsersNotified = 2, Call = new CallRecord { CallId = "b1", CallType = CallType.Arbitrage, Sport = "tennis", TeamA = "A", TeamB = "B", BookmakerA = "bet365", BookmakerB = "unibet", OddsA = 2.1, OddsB = 2.0, RoiPercent = 1.5, AlertSentAt = Utc(5, 1, 10), NotifiedUserIds = [7, 8] } }], CancellationToken.None);
        }

        await using var store = new PostgreSqlCallStore(_db.ConnectionString, options);

        Assert.Equal([new ConversionRow("tennis", 1, 0, 2, 0)], await store.GetConversionAsync(CallDimension.Sport));
        Assert.Equal([new UserPreferenceRow(7, "tennis", 1, 0), new UserPreferenceRow(8, "tennis", 1, 0)], await store.GetUserPreferencesAsync(CallDimension.Sport));
        Assert.Empty(await Store.GetConversionAsync(CallDimension.Sport));
    }

    [Fact]
    public async Task UsePostgreSql_InAddSafeCallLogger_RegistersTheStoreAsICallAnalytics()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSafeCallLogger(o => o.UsePostgreSql(_db.ConnectionString));
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ICallLogger>();
        var analytics = host.Services.GetRequiredService<ICallAnalytics>();

        Assert.True(logger.LogCallSafe(new CallRecord { CallId = "di-analytics", CallType = CallType.Arbitrage, Sport = "tennis", TeamA = "A", TeamB = "B", BookmakerA = "bet365", BookmakerB = "unibet", OddsA = 2.1, OddsB = 2.0, RoiPercent = 1.5, NotifiedUserIds = [1, 2, 3] }).IsAccepted);
        Assert.True((await logger.FlushAsync(TestWait.Guard)).Completed);
        var rows = await analytics.GetConversionAsync(CallDimension.Sport);
        await host.StopAsync();

        Assert.Same(host.Services.GetRequiredService<PostgreSqlCallStore>(), analytics);
        Assert.Equal([new ConversionRow("tennis", 1, 0, 3, 0)], rows);
    }

    protected override async Task WriteThroughSinkAsync(IReadOnlyList<CallOperation> operations)
    {
        await using var sink = new PostgreSqlCallSink(_db.ConnectionString, timeProvider: new FakeTimeProvider(WrittenAt));
        await sink.WriteAsync(operations, CancellationToken.None);
    }

    protected override bool StorageHasTables() =>
        _db.Count("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')") > 0;

    protected override void Dispose(bool disposing)
    {
        _store?.Dispose();
        base.Dispose(disposing);
    }
}
