using System.Text;
using SafeCallLogger.Reporting.Html;
using SafeCallLogger.Reporting.Sections;

namespace SafeCallLogger.Reporting;

/// <summary>
/// Writes the operator's report: one self-contained HTML page (inline SVG charts drawn here, inline CSS, the data in
/// the page, no script, font, image or any other network request) with a section per question of
/// <see cref="ICallAnalytics"/>, each with its chart and the table of numbers behind it, readable on a phone.
/// </summary>
/// <remarks>
/// <para>
/// Every section has a stable <c>id</c> and every chart is an <c>&lt;svg data-chart="..."&gt;</c> whose bars and
/// points carry <c>data-key</c> (and <c>data-series</c>) and <c>data-value</c> in the invariant culture, so a script
/// or a test can read what was drawn. A section with no data says "No data in this range" instead of a chart. Every
/// string from the data is HTML-encoded; the page is well-formed XML (XHTML-compatible) as well as HTML5.
/// </para>
/// <para>
/// All queries are read before anything is written: if one fails, the destination is left untouched.
/// </para>
/// </remarks>
public static class HtmlReport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the report of the calls <paramref name="filter"/> selects to <paramref name="destination"/>, titled and dated by the defaults of <see cref="HtmlReportOptions"/>.</summary>
    /// <param name="store">The store, for the totals of what it holds.</param>
    /// <param name="analytics">The analytics of the same storage (every figure of the page comes from it).</param>
    /// <param name="filter">The time range, time zone and ROI bands; <see langword="null"/> is every call, in UTC, with the default bands.</param>
    /// <param name="destination">Where the UTF-8 page is written; left open.</param>
    /// <param name="cancellationToken">Cancels the queries and the write.</param>
    /// <returns>A task that completes when the page is written and flushed.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <remarks>Throws what the queries throw (the storage cannot be read, cancellation), and what <paramref name="destination"/> throws.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "The CLI's contract: the common call takes an optional token; the options overload takes it too, required, so a call never binds ambiguously.")]
    public static Task WriteAsync(ICallStore store, ICallAnalytics analytics, AnalyticsFilter? filter, Stream destination, CancellationToken cancellationToken = default) =>
        WriteAsync(store, analytics, filter, destination, new HtmlReportOptions(), cancellationToken);

    /// <summary>Writes the report of the calls <paramref name="filter"/> selects to <paramref name="destination"/>, with <paramref name="options"/>.</summary>
    /// <param name="store">The store, for the totals of what it holds.</param>
    /// <param name="analytics">The analytics of the same storage (every figure of the page comes from it).</param>
    /// <param name="filter">The time range, time zone and ROI bands; <see langword="null"/> is every call, in UTC, with the default bands.</param>
    /// <param name="destination">Where the UTF-8 page is written; left open.</param>
    /// <param name="options">The title, the clock of "generated at", how many users to list; <see langword="null"/> is the defaults.</param>
    /// <param name="cancellationToken">Cancels the queries and the write.</param>
    /// <returns>A task that completes when the page is written and flushed.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an invalid setting.</exception>
    /// <remarks>Throws what the queries throw (the storage cannot be read, cancellation), and what <paramref name="destination"/> throws.</remarks>
    public static async Task WriteAsync(ICallStore store, ICallAnalytics analytics, AnalyticsFilter? filter, Stream destination, HtmlReportOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analytics);
        ArgumentNullException.ThrowIfNull(destination);
        options ??= new HtmlReportOptions();
        options.Validate();
        filter ??= new AnalyticsFilter();

        var data = await ReportData.LoadAsync(store, analytics, filter, cancellationToken).ConfigureAwait(false);
        var html = ReportPage.Render(data, filter, options.Title, options.TimeProvider.GetUtcNow(), options.TopUsers);
        var bytes = Utf8.GetBytes(html);
        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
