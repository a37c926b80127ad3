namespace SafeCallLogger.Reporting.Tests.Support;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, installed by .ci/run): one run that loads a local file with
/// the network unused, prints the rendered DOM and saves a screenshot of the viewport.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<string> RenderAsync(string htmlPath, string screenshotPath, int width, int height, string profileDirectory)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: apt-get install -y chromium (.ci/run installs it).");
        var run = await ChildProcess.RunAsync(
            Path,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + profileDirectory, $"--window-size={width},{height}", "--screenshot=" + screenshotPath,
                "--dump-dom", new Uri(htmlPath).AbsoluteUri,
            ]);
        Assert.True(run.ExitCode == 0, "chromium failed: " + run.Error);
        return run.Output;
    }
}
