using System.Globalization;
using SafeCallLogger;
using SampleBot.Feed;

namespace SampleBot.Bot;

internal static class AlertFormatter
{
    public static string Format(Opportunity o)
    {
        var ic = CultureInfo.InvariantCulture;
        var title = o.Type switch
        {
            CallType.Arbitrage => "ARBITRAGE ALERT",
            CallType.Middle => "MIDDLE ALERT",
            _ => "GOOD EV ALERT",
        };
        var text = string.Create(ic, $"{title}\n{o.TeamA} vs {o.TeamB} ({o.League}, {o.CommenceTime:yyyy-MM-dd HH:mm}Z)\n");
        text += o.Type == CallType.GoodEv
            ? string.Create(ic, $"{o.SideA} @ {o.OddsA:0.00} on {o.BookmakerA} (fair line at {o.BookmakerB}: {1 / o.ProbabilityA:0.00})\nStake {o.StakeA:0.00}\n")
            : string.Create(ic, $"{o.SideA} @ {o.OddsA:0.00} on {o.BookmakerA}: stake {o.StakeA:0.00}\n{o.SideB} @ {o.OddsB:0.00} on {o.BookmakerB}: stake {o.StakeB:0.00}\n");
        text += string.Create(ic, $"ROI: {o.RoiPercent:0.00}%  expected profit {o.ExpectedProfit:0.00}");
        return text;
    }
}
