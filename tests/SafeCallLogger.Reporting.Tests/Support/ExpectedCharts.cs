namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>
/// Every chart the report of a store must draw, computed here from the store's <see cref="ICallAnalytics"/> rows:
/// the chart's name and its values in order (at most 20 groups per categorical chart, most calls first). A section
/// without data has no chart: on the demo database that is retention, whose clicks all fall on its last day.
/// </summary>
internal static class ExpectedCharts
{
    private const int MaxBars = 20;

    public static async Task<Dictionary<string, List<DrawnValue>>> FromAsync(ICallAnalytics analytics)
    {
        var charts = new Dictionary<string, List<DrawnValue>>();
        foreach (var (dimension, slug) in new[] { (CallDimension.Sport, "sport"), (CallDimension.Bookmaker, "bookmaker"), (CallDimension.BookmakerPair, "bookmaker-pair"), (CallDimension.RoiBand, "roi-band"), (CallDimension.HourOfDay, "hour"), (CallDimension.Weekday, "weekday"), (CallDimension.CallType, "call-type"), (CallDimension.Market, "market") })
        {
            var rows = await analytics.GetConversionAsync(dimension);
            var drawn = dimension is CallDimension.RoiBand or CallDimension.HourOfDay or CallDimension.Weekday ? rows : rows.Take(MaxBars);
            charts["conversion-by-" + slug] = drawn.Select(r => new DrawnValue(Key(r.Key), null, r.ConversionRate)).ToList();
        }

        var daily = await analytics.GetDailyActivityAsync();
        charts["daily-activity"] = daily.Select(d => new DrawnValue(Day(d.Day), "calls", d.Calls)).Concat(daily.Select(d => new DrawnValue(Day(d.Day), "clicks", d.Clicks))).ToList();
        charts["daily-profit"] = daily.Select(d => new DrawnValue(Day(d.Day), null, d.Profit)).ToList();

        foreach (var (dimension, slug) in new[] { (CallDimension.Bookmaker, "bookmaker"), (CallDimension.Sport, "sport"), (CallDimension.CallType, "call-type") })
        {
            var rows = (await analytics.GetResultsAsync(dimension)).Take(MaxBars).ToList();
            charts["profit-by-" + slug] = rows.Select(r => new DrawnValue(Key(r.Key), null, r.Profit)).ToList();
            charts["yield-by-" + slug] = rows.Where(r => r.YieldPercent is not null).Select(r => new DrawnValue(Key(r.Key), null, r.YieldPercent!.Value)).ToList();
        }

        foreach (var (dimension, slug) in new[] { (CallDimension.Bookmaker, "bookmaker"), (CallDimension.Sport, "sport") })
        {
            var rows = (await analytics.GetClvAsync(dimension)).Take(MaxBars).ToList();
            charts["clv-mean-by-" + slug] = rows.Select(r => new DrawnValue(Key(r.Key), null, r.MeanPercent)).ToList();
            charts["clv-positive-by-" + slug] = rows.Select(r => new DrawnValue(Key(r.Key), null, r.SharePositive)).ToList();
        }

        charts["line-movement-by-bookmaker"] = (await analytics.GetLineMovementAsync()).Take(MaxBars)
            .SelectMany(r => new[] { new DrawnValue(r.Bookmaker, "fast", r.Fast), new DrawnValue(r.Bookmaker, "normal", r.Normal), new DrawnValue(r.Bookmaker, "slow", r.Slow) }).ToList();

        var timing = await analytics.GetTimingAsync(CallDimension.CallType);
        charts["lifetime-by-call-type"] = timing.Where(t => t.Lifetime.Median is not null).Select(t => new DrawnValue(Key(t.Key), null, t.Lifetime.Median!.Value.TotalSeconds)).ToList();
        charts["first-click-by-call-type"] = timing.Where(t => t.TimeToFirstClick.Median is not null).Select(t => new DrawnValue(Key(t.Key), null, t.TimeToFirstClick.Median!.Value.TotalSeconds)).ToList();

        charts["user-click-rate"] = (await analytics.GetUserPreferencesAsync(CallDimension.Sport))
            .GroupBy(r => r.UserId)
            .Select(g => (User: g.Key, Notified: g.Sum(r => r.Notified), Clicked: g.Sum(r => r.Clicked)))
            .OrderByDescending(u => u.Notified).ThenByDescending(u => u.Clicked).ThenBy(u => u.User).Take(MaxBars)
            .Select(u => new DrawnValue(u.User.ToString(System.Globalization.CultureInfo.InvariantCulture), null, (double)u.Clicked / u.Notified)).ToList();

        var retention = await analytics.GetRetentionAsync();
        if (retention.Sum(r => r.Cohort) == 0)
        {
            // An empty section draws no chart.
            return charts;
        }

        charts["retention"] = retention.Select(r => new DrawnValue("D" + r.Day, "active", r.ActiveRate)).Concat(retention.Select(r => new DrawnValue("D" + r.Day, "engaged", r.EngagedRate))).ToList();
        return charts;
    }

    private static string Key(string? key) => key ?? "(not set)";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
