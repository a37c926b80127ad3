using Xunit.Sdk;

namespace SafeCallLogger.Cli.Tests;

/// <summary>The shared runner of child processes (<see cref="ChildProcess"/>): a hung child fails its test and is killed instead of hanging the run.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task RunAsync_ChildPastItsLimit_FailsTheTestAndIsKilled()
    {
        var pidFile = Path.Combine(Directory.CreateTempSubdirectory("child-process-").FullName, "pid");

        var failure = await Assert.ThrowsAsync<FailException>(() => ChildProcess.RunAsync("sh", ["-c", $"echo $$ > '{pidFile}'; exec sleep 600"], limit: TimeSpan.FromSeconds(2)));

        Assert.Contains("was killed", failure.Message, StringComparison.Ordinal);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"the child {pid} still runs");
    }

    [Fact]
    public async Task RunAsync_ChildThatEnds_GivesItsExitCodeOutputAndErrors()
    {
        var run = await ChildProcess.RunAsync("sh", ["-c", "echo out; echo err >&2; exit 3"]);

        Assert.Equal(new ChildRun(3, "out\n", "err\n"), run);
    }
}
