using System.Globalization;
using System.Text;
using SafeCallLogger.Reporting.Charts;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>
/// What each user takes (<see cref="ICallAnalytics.GetUserPreferencesAsync"/>): the most notified users, their click
/// rate over all their calls (<c>user-click-rate</c>, keyed by user id, 0 to 1) and, in the table, their click rates
/// by sport, call type and ROI band with the clicked / notified counts each rests on. Section id: <c>users</c>.
/// </summary>
internal static class UserPreferencesSection
{
    public const string Id = "users";
    public const string Title = "What each user takes";

    // A cell lists a user's groups with the most notified calls first: enough to read "user X takes NBA arbs".
    private const int GroupsPerCell = 3;

    public static void Write(StringBuilder html, IReadOnlyDictionary<CallDimension, IReadOnlyList<UserPreferenceRow>> preferences, int topUsers)
    {
        Page.OpenSection(html, Id, Title, "Which users click what? The most notified users, their click rate, and where it is highest (clicked / notified calls).");
        // Every call has one sport (or none, its own group), so a user's sport rows add up to all the calls the user was notified of.
        var bySport = preferences[CallDimension.Sport];
        var users = bySport.GroupBy(row => row.UserId)
            .Select(group => (UserId: group.Key, Notified: group.Sum(row => row.Notified), Clicked: group.Sum(row => row.Clicked)))
            .OrderByDescending(user => user.Notified).ThenByDescending(user => user.Clicked).ThenBy(user => user.UserId)
            .ToList();
        if (users.Count == 0)
        {
            Page.Empty(html);
            Page.CloseSection(html);
            return;
        }

        var top = users.Take(topUsers).ToList();
        BarChart.Write(
            html,
            "user-click-rate",
            "Click rate of the most notified users",
            top.Select(user => new ChartBar(UserKey(user.UserId), "user " + UserKey(user.UserId), Rate(user.Clicked, user.Notified), Format.Rate(Rate(user.Clicked, user.Notified)))).ToList(),
            Format.Rate);
        if (users.Count > top.Count)
        {
            html.Append("<p class=\"note\">The ").Append(Format.Count(top.Count)).Append(" most notified of ")
                .Append(Format.Count(users.Count)).Append(" users.</p>");
        }

        var lookups = ReportData.PreferenceDimensions.ToDictionary(d => d, d => preferences[d].ToLookup(row => row.UserId));
        Table.Write(
            html,
            Id,
            ["User", "Notified", "Clicked", "Click rate", "By sport", "By call type", "By ROI band"],
            top.Select(user => (IReadOnlyList<string>)
            [
                UserKey(user.UserId), Format.Count(user.Notified), Format.Count(user.Clicked), Format.Rate(Rate(user.Clicked, user.Notified)),
                Cell(lookups[CallDimension.Sport][user.UserId]), Cell(lookups[CallDimension.CallType][user.UserId]), Cell(lookups[CallDimension.RoiBand][user.UserId]),
            ]),
            textColumns: 1,
            numericUntil: 4);
        Page.CloseSection(html);
    }

    private static string Cell(IEnumerable<UserPreferenceRow> rows) => string.Join(
        "; ",
        rows.OrderByDescending(row => row.Notified).ThenBy(row => row.Key, StringComparer.Ordinal).Take(GroupsPerCell)
            .Select(row => Dimensions.Key(row.Key) + " " + Format.Rate(row.ClickRate) + " (" + Format.Count(row.Clicked) + "/" + Format.Count(row.Notified) + ")"));

    private static double Rate(long clicked, long notified) => notified == 0 ? 0 : (double)clicked / notified;

    private static string UserKey(long userId) => userId.ToString(CultureInfo.InvariantCulture);
}
