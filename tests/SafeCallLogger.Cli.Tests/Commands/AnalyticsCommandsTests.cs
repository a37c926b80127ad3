using SafeCallLogger.Cli.Tests.Support;

namespace SafeCallLogger.Cli.Tests.Commands;

/// <summary>Each analytics command as a process on the demo database: its JSON is the store's own rows, its table is plain text.</summary>
[Collection(DemoCollection.Name)]
public sealed class AnalyticsCommandsTests(DemoDatabase demo)
{
    private ICallAnalytics Analytics => demo.Store;

    [Theory]
    [InlineData("type", CallDimension.CallType)]
    [InlineData("sport", CallDimension.Sport)]
    [InlineData("league", CallDimension.League)]
    [InlineData("bookmaker", CallDimension.Bookmaker)]
    [InlineData("pair", CallDimension.BookmakerPair)]
    [InlineData("market", CallDimension.Market)]
    [InlineData("roi", CallDimension.RoiBand)]
    [InlineData("hour", CallDimension.HourOfDay)]
    [InlineData("weekday", CallDimension.Weekday)]
    public async Task Breakdown_JsonByEachDimension_IsTheStoresConversionRows(string by, CallDimension dimension)
    {
        var rows = Json.Read<List<ConversionRow>>(await Tools.SafecallAsync("breakdown", "--by", by, "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetConversionAsync(dimension), rows);
        Assert.NotEmpty(rows);
    }

    [Fact]
    public async Task Breakdown_HourInAZoneWithRoiBands_PassesTheFilterToTheQuery()
    {
        var filter = new AnalyticsFilter { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), RoiBands = [0, 2, 4] };

        var hours = Json.Read<List<ConversionRow>>(await Tools.SafecallAsync("breakdown", "--by", "hour", "--tz", "Europe/Paris", "--db", demo.Path, "--format", "json"));
        var bands = Json.Read<List<ConversionRow>>(await Tools.SafecallAsync("breakdown", "--by", "roi", "--roi-bands", "0,2,4", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetConversionAsync(CallDimension.HourOfDay, filter), hours);
        Assert.Equal(await Analytics.GetConversionAsync(CallDimension.RoiBand, filter), bands);
        Assert.Equal(24, hours.Count);
    }

    [Fact]
    public async Task Breakdown_SinceAndUntil_CountOnlyTheCallsInTheRange()
    {
        var all = await demo.Store.ExportAsync(Stream.Null);
        var since = DateTimeOffset.UtcNow.AddHours(-12);
        var filter = new AnalyticsFilter { Since = since, Until = DateTimeOffset.UtcNow.AddHours(1) };

        var rows = Json.Read<List<ConversionRow>>(await Tools.SafecallAsync("breakdown", "--by", "type", "--since", since.ToString("O"), "--until", filter.Until.Value.ToString("O"), "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetConversionAsync(CallDimension.CallType, filter), rows);
        Assert.InRange(rows.Sum(static r => r.Calls), 1, all - 1);
    }

    [Fact]
    public async Task Users_ByTypeWithMinimum_IsTheStoresPreferenceRows()
    {
        var rows = Json.Read<List<UserPreferenceRow>>(await Tools.SafecallAsync("users", "--by", "type", "--min", "5", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetUserPreferencesAsync(CallDimension.CallType, 5), rows);
        Assert.All(rows, static r => Assert.True(r.Notified >= 5));
    }

    [Fact]
    public async Task Clv_BySport_IsTheStoresClvRows()
    {
        var rows = Json.Read<List<ClvRow>>(await Tools.SafecallAsync("clv", "--by", "sport", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetClvAsync(CallDimension.Sport), rows);
    }

    [Fact]
    public async Task Results_DefaultByBookmaker_IsTheStoresResultsRows()
    {
        var rows = Json.Read<List<ResultsRow>>(await Tools.SafecallAsync("results", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetResultsAsync(CallDimension.Bookmaker), rows);
    }

    [Fact]
    public async Task Daily_Json_SumsToTheStoredCalls()
    {
        var rows = Json.Read<List<DailyActivityRow>>(await Tools.SafecallAsync("daily", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetDailyActivityAsync(), rows);
        Assert.Equal(DemoDatabase.Calls, rows.Sum(static r => r.Calls));
    }

    [Fact]
    public async Task Timing_WithAndWithoutBy_IsTheStoresTimingRows()
    {
        var all = Json.Read<List<TimingRow>>(await Tools.SafecallAsync("timing", "--db", demo.Path, "--format", "json"));
        var bySport = Json.Read<List<TimingRow>>(await Tools.SafecallAsync("timing", "--by", "sport", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetTimingAsync(), all);
        Assert.Equal(await Analytics.GetTimingAsync(CallDimension.Sport), bySport);
    }

    [Fact]
    public async Task Retention_Json_IsSevenDays()
    {
        var rows = Json.Read<List<RetentionRow>>(await Tools.SafecallAsync("retention", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetRetentionAsync(), rows);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(static r => r.Day));
    }

    [Fact]
    public async Task Lines_Json_IsTheStoresLineMovementRows()
    {
        var rows = Json.Read<List<LineMovementRow>>(await Tools.SafecallAsync("lines", "--db", demo.Path, "--format", "json"));

        Assert.Equal(await Analytics.GetLineMovementAsync(), rows);
        Assert.NotEmpty(rows);
    }

    [Theory]
    [InlineData("breakdown", "Conversion by sport")]
    [InlineData("users", "User preferences by sport")]
    [InlineData("clv", "Closing line value by bookmaker")]
    [InlineData("results", "Results by bookmaker")]
    [InlineData("daily", "Activity per day")]
    [InlineData("timing", "Call lifetime and time to first click")]
    [InlineData("retention", "User retention after the first click")]
    [InlineData("lines", "Line movement by bookmaker")]
    public async Task Command_TableRedirected_HasItsTitleAndNoEscapeCharacter(string command, string title)
    {
        var run = await Tools.SafecallAsync(command, "--db", demo.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(title, run.Output, StringComparison.Ordinal);
        Assert.Contains("times in UTC", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Breakdown_Csv_HasTheRecordsFieldsAndOneLinePerRow()
    {
        var run = await Tools.SafecallAsync("breakdown", "--by", "type", "--db", demo.Path, "--format", "csv");

        var lines = run.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,calls,callsWithClicks,usersNotified,usersBet,conversionRate,clickedCallRate", lines[0]);
        Assert.Equal((await Analytics.GetConversionAsync(CallDimension.CallType)).Count, lines.Length - 1);
    }

    [Fact]
    public async Task Timing_Csv_FlattensTheDurations()
    {
        var run = await Tools.SafecallAsync("timing", "--db", demo.Path, "--format", "csv");

        Assert.StartsWith("key,lifetimeCount,lifetimeMean,lifetimeMedian,lifetimeP90,timeToFirstClickCount,", run.Output, StringComparison.Ordinal);
    }
}
