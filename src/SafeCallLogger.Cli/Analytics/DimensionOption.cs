using System.CommandLine;

namespace SafeCallLogger.Cli.Analytics;

/// <summary><c>--by</c>: the operator's short names for <see cref="CallDimension"/>.</summary>
internal static class DimensionOption
{
    private static readonly Dictionary<string, CallDimension> Names = new(StringComparer.Ordinal)
    {
        ["type"] = CallDimension.CallType,
        ["sport"] = CallDimension.Sport,
        ["league"] = CallDimension.League,
        ["bookmaker"] = CallDimension.Bookmaker,
        ["pair"] = CallDimension.BookmakerPair,
        ["market"] = CallDimension.Market,
        ["roi"] = CallDimension.RoiBand,
        ["hour"] = CallDimension.HourOfDay,
        ["weekday"] = CallDimension.Weekday,
    };

    public static Option<string> Create(string? defaultName, string description)
    {
        var option = new Option<string>("--by")
        {
            Description = description + " One of " + string.Join('|', Names.Keys) + (defaultName is null ? "." : $"; the default is {defaultName}."),
            HelpName = "DIMENSION",
        };
        if (defaultName is not null)
        {
            option.DefaultValueFactory = _ => defaultName;
        }

        option.AcceptOnlyFromAmong([.. Names.Keys]);
        return option;
    }

    public static CallDimension? Read(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } name && Names.TryGetValue(name, out var dimension) ? dimension : null;

    /// <summary>The column title for a dimension's key.</summary>
    public static string Title(CallDimension? dimension) => dimension switch
    {
        CallDimension.CallType => "Call type",
        CallDimension.Sport => "Sport",
        CallDimension.League => "League",
        CallDimension.Bookmaker => "Bookmaker",
        CallDimension.BookmakerPair => "Bookmaker pair",
        CallDimension.Market => "Market",
        CallDimension.RoiBand => "ROI band",
        CallDimension.HourOfDay => "Hour",
        CallDimension.Weekday => "Weekday",
        _ => "All calls",
    };
}
