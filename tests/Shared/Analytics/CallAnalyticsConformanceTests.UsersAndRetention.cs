using static SafeCallLogger.Tests.Analytics.AnalyticsSchedule;

namespace SafeCallLogger.Tests.Analytics;

public abstract partial class CallAnalyticsConformanceTests
{
    // p1 NBA to users 1, 2, 3: 1 and 2 click. p2 NBA to 1, 2: 1 clicks twice. p3 soccer to 1, 3: 3 clicks.
    // p4 soccer to 2: user 9, never notified, clicks (not a preference of anyone's notified calls).
    private Task<ICallAnalytics> SeedUsersAsync() => F
        .Call("p1", Utc(5, 1, 10), users: [1, 2, 3])
        .Call("p2", Utc(5, 1, 11), users: [1, 2])
        .Call("p3", Utc(5, 1, 12), sport: "soccer_epl", users: [1, 3])
        .Call("p4", Utc(5, 1, 13), sport: "soccer_epl", users: [2])
        .Call("pt", Utc(5, 1, 14), users: [1], dataSource: "ml_test")
        .Click("p1", 1, Utc(5, 1, 10, 1)).Click("p1", 2, Utc(5, 1, 10, 2))
        .Click("p2", 1, Utc(5, 1, 11, 1)).Click("p2", 1, Utc(5, 1, 11, 2))
        .Click("p3", 3, Utc(5, 1, 12, 1)).Click("p4", 9, Utc(5, 1, 13, 1)).Click("pt", 1, Utc(5, 1, 14, 1))
        .WriteAsync();

    [Fact]
    public async Task GetUserPreferencesAsync_BySport_ByUserThenMostNotified()
    {
        var store = await SeedUsersAsync();

        var rows = await store.GetUserPreferencesAsync(CallDimension.Sport);

        Assert.Equal(
            [
                new UserPreferenceRow(1, "basketball_nba", 2, 2), new UserPreferenceRow(1, "soccer_epl", 1, 0),
                new UserPreferenceRow(2, "basketball_nba", 2, 1), new UserPreferenceRow(2, "soccer_epl", 1, 0),
                new UserPreferenceRow(3, "basketball_nba", 1, 0), new UserPreferenceRow(3, "soccer_epl", 1, 1),
            ],
            rows);
    }

    [Fact]
    public async Task GetUserPreferencesAsync_Minimum_LeavesOutRowsOnTooFewCalls()
    {
        var store = await SeedUsersAsync();

        var rows = await store.GetUserPreferencesAsync(CallDimension.Sport, minimumNotified: 2);

        Assert.Equal([new UserPreferenceRow(1, "basketball_nba", 2, 2), new UserPreferenceRow(2, "basketball_nba", 2, 1)], rows);
        Assert.Equal(1.0, rows[0].ClickRate);
    }

    [Fact]
    public async Task GetUserPreferencesAsync_ByRoiBand_OneRowPerUserAndBand()
    {
        var store = await SeedUsersAsync();

        var rows = await store.GetUserPreferencesAsync(CallDimension.RoiBand);

        Assert.Equal([new UserPreferenceRow(1, "2-3%", 3, 2), new UserPreferenceRow(2, "2-3%", 3, 1), new UserPreferenceRow(3, "2-3%", 2, 1)], rows);
    }

    // u1 first clicks on 1 January (e1), is notified and clicks on the 2nd (e2), notified on the 4th (e3).
    // u2 first clicks on the 2nd (e2), nothing on the 3rd or 4th. u3 is notified but never clicks: no cohort.
    private Task<ICallAnalytics> SeedRetentionAsync() => F
        .Call("e1", Utc(1, 1, 10), users: [1, 2, 3])
        .Call("e2", Utc(1, 2, 10), users: [1, 2])
        .Call("e3", Utc(1, 4, 10), users: [1])
        .Click("e1", 1, Utc(1, 1, 10, 5)).Click("e2", 1, Utc(1, 2, 10, 5)).Click("e2", 2, Utc(1, 2, 10, 6))
        .WriteAsync();

    [Fact]
    public async Task GetRetentionAsync_HandMadeSchedule_CohortsUpToTheLastDayOfData()
    {
        var store = await SeedRetentionAsync();

        var rows = await store.GetRetentionAsync();

        Assert.Equal(
            [
                new RetentionRow(1, 2, 1, 1), new RetentionRow(2, 2, 0, 0), new RetentionRow(3, 1, 1, 0),
                new RetentionRow(4, 0, 0, 0), new RetentionRow(5, 0, 0, 0), new RetentionRow(6, 0, 0, 0), new RetentionRow(7, 0, 0, 0),
            ],
            rows);
        Assert.Equal(0.5, rows[0].ActiveRate);
    }

    [Fact]
    public async Task GetRetentionAsync_Until_LastObservableDayIsTheRangesLast()
    {
        var store = await SeedRetentionAsync();

        var rows = await store.GetRetentionAsync(new AnalyticsFilter { Until = Utc(1, 3, 0) });

        Assert.Equal(new RetentionRow(1, 1, 1, 1), rows[0]);
        Assert.All(rows.Skip(1), r => Assert.Equal(0, r.Cohort));
    }

    [Fact]
    public async Task GetRetentionAsync_Paris_AfterMidnightLocalIsTheNextDay()
    {
        var store = await F
            .Call("z1", Utc(1, 1, 10), users: [1])
            .Call("z2", Utc(1, 1, 23, 30), users: [1])
            .Click("z1", 1, Utc(1, 1, 10, 5)).Click("z2", 1, Utc(1, 1, 23, 35))
            .WriteAsync();

        var utc = await store.GetRetentionAsync();
        var paris = await store.GetRetentionAsync(new AnalyticsFilter { TimeZone = Paris });

        Assert.All(utc, r => Assert.Equal(0, r.Cohort));
        Assert.Equal(new RetentionRow(1, 1, 1, 1), paris[0]);
    }
}
