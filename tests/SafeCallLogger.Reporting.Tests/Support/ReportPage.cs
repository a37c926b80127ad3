using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>
/// The report read back as XML (the page is XHTML-compatible, which this also checks): its sections, its charts and
/// what each chart drew, from the <c>data-key</c>, <c>data-series</c> and <c>data-value</c> attributes.
/// </summary>
public sealed class ReportPage
{
    private ReportPage(XDocument document, string html)
    {
        Document = document;
        Html = html;
    }

    public XDocument Document { get; }

    public string Html { get; }

    public static ReportPage Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return new ReportPage(XDocument.Load(reader), html);
    }

    public static async Task<ReportPage> WriteAsync(ICallStore store, ICallAnalytics analytics, AnalyticsFilter? filter = null, HtmlReportOptions? options = null)
    {
        using var stream = new MemoryStream();
        await HtmlReport.WriteAsync(store, analytics, filter, stream, options ?? new HtmlReportOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)) }, CancellationToken.None);
        return Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public IEnumerable<XElement> Elements(string localName) => Document.Descendants().Where(e => e.Name.LocalName == localName);

    public XElement Section(string id) => Elements("section").Single(e => (string?)e.Attribute("id") == id);

    public IReadOnlyList<string> SectionIds => Elements("section").Select(e => (string)e.Attribute("id")!).ToList();

    public IReadOnlyList<string> ChartNames => Elements("svg").Select(e => (string)e.Attribute("data-chart")!).ToList();

    public bool IsEmpty(string sectionId) => Section(sectionId).Descendants().Any(e => (string?)e.Attribute("data-empty") == "true");

    /// <summary>What the chart drew: every element with a <c>data-key</c>, in document order.</summary>
    public IReadOnlyList<DrawnValue> Chart(string name) =>
        Drawn(Elements("svg").Single(e => (string?)e.Attribute("data-chart") == name));

    public double Total(string name) => double.Parse(
        (string)Elements("div").Single(e => (string?)e.Attribute("data-total") == name).Attribute("data-value")!,
        CultureInfo.InvariantCulture);

    public static IReadOnlyList<DrawnValue> Drawn(XElement svg) => svg.Descendants()
        .Where(e => e.Attribute("data-key") is not null)
        .Select(e => new DrawnValue(
            (string)e.Attribute("data-key")!,
            (string?)e.Attribute("data-series"),
            double.Parse((string)e.Attribute("data-value")!, NumberStyles.Float, CultureInfo.InvariantCulture)))
        .ToList();
}

/// <summary>One bar, segment or point as the page drew it.</summary>
public sealed record DrawnValue(string Key, string? Series, double Value);
