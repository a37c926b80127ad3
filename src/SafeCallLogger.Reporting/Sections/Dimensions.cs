namespace SafeCallLogger.Reporting.Sections;

/// <summary>How each <see cref="CallDimension"/> is named on the page and in the stable ids of its sections and charts.</summary>
internal static class Dimensions
{
    /// <summary>What a group whose value is not set is called on the page and in <c>data-key</c>.</summary>
    public const string NotSet = "(not set)";

    /// <summary>The id part: <c>sport</c>, <c>bookmaker-pair</c>, <c>roi-band</c>, <c>call-type</c>...</summary>
    public static string Slug(CallDimension dimension) => dimension switch
    {
        CallDimension.CallType => "call-type",
        CallDimension.Sport => "sport",
        CallDimension.League => "league",
        CallDimension.Bookmaker => "bookmaker",
        CallDimension.BookmakerPair => "bookmaker-pair",
        CallDimension.Market => "market",
        CallDimension.RoiBand => "roi-band",
        CallDimension.HourOfDay => "hour",
        CallDimension.Weekday => "weekday",
        _ => dimension.ToString().ToLowerInvariant(),
    };

    /// <summary>The words: <c>sport</c>, <c>bookmaker pair</c>, <c>ROI band</c>, <c>hour of day</c>...</summary>
    public static string Name(CallDimension dimension) => dimension switch
    {
        CallDimension.CallType => "call type",
        CallDimension.BookmakerPair => "bookmaker pair",
        CallDimension.RoiBand => "ROI band",
        CallDimension.HourOfDay => "hour of day",
        _ => dimension.ToString().ToLowerInvariant(),
    };

    /// <summary>The column heading: <c>Sport</c>, <c>Bookmaker pair</c>...</summary>
    public static string Heading(CallDimension dimension)
    {
        var name = Name(dimension);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>Hours, weekdays and ROI bands are an ordered axis with every group present: drawn as columns, never cut.</summary>
    public static bool IsOrdered(CallDimension dimension) =>
        dimension is CallDimension.HourOfDay or CallDimension.Weekday or CallDimension.RoiBand;

    public static string Key(string? key) => key ?? NotSet;
}
