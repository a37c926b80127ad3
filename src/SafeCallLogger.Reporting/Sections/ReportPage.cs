using System.Text;
using SafeCallLogger.Reporting.Html;

namespace SafeCallLogger.Reporting.Sections;

/// <summary>The whole page, in order: header, conversion by each dimension, daily activity, results, CLV, line movement, timing, users, retention.</summary>
internal static class ReportPage
{
    public static string Render(ReportData data, AnalyticsFilter filter, string title, DateTimeOffset generatedAt, int topUsers)
    {
        var html = new StringBuilder(256 * 1024);
        Page.Open(html, title);
        html.Append("<main>");
        HeaderSection.Write(html, data, filter, title, generatedAt, Contents());
        foreach (var dimension in ReportData.ConversionDimensions)
        {
            ConversionSection.Write(html, dimension, data.Conversion[dimension]);
        }

        DailySection.Write(html, data.Daily);
        foreach (var dimension in ReportData.ResultDimensions)
        {
            ResultsSection.Write(html, dimension, data.Results[dimension]);
        }

        foreach (var dimension in ReportData.ClvDimensions)
        {
            ClvSection.Write(html, dimension, data.Clv[dimension]);
        }

        LineMovementSection.Write(html, data.LineMovement);
        TimingSection.Write(html, data.TimingOverall, data.TimingByCallType);
        UserPreferencesSection.Write(html, data.Preferences, topUsers);
        RetentionSection.Write(html, data.Retention);
        html.Append("<footer>Written by SafeCallLogger.Reporting. Every figure comes from the stored calls; the tables hold the numbers behind each chart.</footer></main>");
        Page.Close(html);
        return html.ToString();
    }

    /// <summary>Every section's id and title, in page order, for the links under the header.</summary>
    public static IReadOnlyList<(string Id, string Title)> Contents()
    {
        var contents = new List<(string, string)>();
        contents.AddRange(ReportData.ConversionDimensions.Select(d => (ConversionSection.Id(d), ConversionSection.Title(d))));
        contents.Add((DailySection.Id, DailySection.Title));
        contents.AddRange(ReportData.ResultDimensions.Select(d => (ResultsSection.Id(d), ResultsSection.Title(d))));
        contents.AddRange(ReportData.ClvDimensions.Select(d => (ClvSection.Id(d), ClvSection.Title(d))));
        contents.Add((LineMovementSection.Id, LineMovementSection.Title));
        contents.Add((TimingSection.Id, TimingSection.Title));
        contents.Add((UserPreferencesSection.Id, UserPreferencesSection.Title));
        contents.Add((RetentionSection.Id, RetentionSection.Title));
        return contents;
    }
}
