using Microsoft.Data.Sqlite;
using SafeCallLogger.Sqlite;

namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>
/// The newcomer's path, once for every class of <see cref="DemoReportCollection"/>: the built sample bot run as a process
/// (<c>dotnet SampleBot.dll --demo 200 --db FILE</c>), the report of that file written by <see cref="HtmlReport"/>,
/// its CSV export, and the page opened once in headless Chromium (rendered DOM and a phone-width screenshot).
/// </summary>
public sealed class DemoReport : IAsyncLifetime
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 2400;

    private readonly string _directory = Directory.CreateTempSubdirectory("report-demo-").FullName;

    public string Database => Path.Combine(_directory, "demo.db");

    public string HtmlPath => Path.Combine(_directory, "report.html");

    public string ScreenshotPath => Path.Combine(_directory, "report-phone.png");

    public SqliteCallStore Store { get; private set; } = null!;

    public ReportPage Page { get; private set; } = null!;

    public string Csv { get; private set; } = string.Empty;

    /// <summary>The DOM after Chromium parsed and laid out the page (HTML serialization, not XML).</summary>
    public string RenderedDom { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var sample = BuiltDll.Of("samples/SampleBot", "SampleBot.dll");
        var demo = await ChildProcess.DotnetAsync(sample, ["--demo", "200", "--db", Database, "--seed", "11"], Path.GetDirectoryName(sample));
        Assert.True(demo.ExitCode == 0, "the demo failed: " + demo.Error);

        Store = new SqliteCallStore(new SqliteConnectionStringBuilder { DataSource = Database }.ToString());
        await using (var file = File.Create(HtmlPath))
        {
            await HtmlReport.WriteAsync(Store, Store, null, file, new HtmlReportOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)) }, CancellationToken.None);
        }

        Page = ReportPage.Parse(await File.ReadAllTextAsync(HtmlPath));
        using (var csv = new MemoryStream())
        {
            await Store.ExportAsync(csv, new CallExport { Format = CallExportFormat.Csv });
            Csv = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        }

        RenderedDom = await Chromium.RenderAsync(HtmlPath, ScreenshotPath, PhoneWidth, PhoneHeight, Path.Combine(_directory, "chromium-profile"));
    }

    public Task DisposeAsync()
    {
        // For a person to look at: REPORT_TESTS_KEEP=DIR keeps a copy of the page and the screenshot.
        if (Environment.GetEnvironmentVariable("REPORT_TESTS_KEEP") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(HtmlPath, Path.Combine(keep, "report.html"), overwrite: true);
            File.Copy(ScreenshotPath, Path.Combine(keep, "report-phone.png"), overwrite: true);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
