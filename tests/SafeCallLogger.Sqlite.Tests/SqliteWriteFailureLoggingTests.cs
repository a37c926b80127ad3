using Microsoft.Extensions.Logging;
using static SafeCallLogger.Sqlite.Tests.Support.TestData;

namespace SafeCallLogger.Sqlite.Tests;

/// <summary>
/// What the log shows while SQLite cannot be written, for real: a database in a directory that does not exist, so
/// every open fails with SQLite's "unable to open database file". Once a line per failed write, not two; the stack
/// trace once; the repeats capped, with a count.
/// </summary>
public sealed class SqliteWriteFailureLoggingTests : IDisposable
{
    // The core's limit on repeated failure lines (WriteFailureLog.RepeatLinesPerWindow, internal to the core).
    private const int LinesPerMinute = 10;

    private readonly string _dir = Directory.CreateTempSubdirectory("scl-fail-log-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task LogCallSafe_DatabaseCannotBeOpened_OneQuietLinePerFailedWriteAndOneStackTrace()
    {
        var path = Path.Combine(_dir, "no-such-directory", "calls.db");
        var time = new FakeTimeProvider(TestClock.Start);
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        var options = new CallLoggerOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(1),
            DisableAfterConsecutiveErrors = int.MaxValue,
            Journal = { Mode = JournalMode.Off },
        };
        var sink = new SqliteCallSink($"Data Source={path}", timeProvider: time, loggerFactory: factory);
        var logger = new CallLogger(sink, options, factory, time);

        Assert.True(logger.LogCallSafe(Call("c1")).IsAccepted);
        await time.AdvanceUntil(() => logger.GetHealth().Errors >= 50, TimeSpan.FromMilliseconds(1), "50 failed writes");
        // The next minute's first failure says how many were left out.
        var before = logger.GetHealth().Errors;
        time.Advance(TimeSpan.FromMinutes(1));
        await time.AdvanceUntil(() => logger.GetHealth().Errors > before, TimeSpan.FromMilliseconds(1), "a failure in the next minute");
        // Log lines are written off the writer, by the log pump; stopping drains it. The call stays unwritten.
        await time.RunUntilAsync(logger.DisposeAsync().AsTask());
        await sink.DisposeAsync();

        var failures = logs.Collector.GetSnapshot().Where(l => l.Message.Contains("operations failed", StringComparison.Ordinal)).ToList();
        var errors = logger.GetHealth().Errors;
        Assert.True(errors >= 51, $"{errors} failed writes");
        Assert.InRange(failures.Count, 2, (2 * LinesPerMinute) + 1);
        Assert.Single(failures, l => l.Exception is not null);
        Assert.Contains("unable to open database file", failures[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), l => l.Message.Contains("SQLite write failed", StringComparison.Ordinal));
        var leftOut = failures.Select(l => System.Text.RegularExpressions.Regex.Match(l.Message, @"(\d+) failed writes before this one were not logged")).Where(m => m.Success).Max(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(leftOut >= 50 - LinesPerMinute, $"the first line of the next minute counts what the first minute left out ({leftOut})");
        var others = logs.Collector.GetSnapshot().Where(l => l.Level >= LogLevel.Warning).Except(failures).Select(l => l.Message).ToList();
        Assert.True(others.Count <= 3, "other warnings: " + string.Join(" | ", others));
    }
}
