using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Tests.Support;

namespace SafeCallLogger.Tests.Diagnostics;

public sealed class WriteFailureLogTests : IDisposable
{
    private readonly FakeLoggerProvider _logs = new();
    private readonly ILoggerFactory _factory;
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly WriteFailureLog _log;

    public WriteFailureLogTests()
    {
        _factory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _log = new WriteFailureLog(_factory.CreateLogger("test"), _time);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Failed_SameErrorManyTimes_StackTraceOnceAndRepeatsCappedPerMinute()
    {
        for (var i = 1; i <= 100; i++)
        {
            _log.Failed(new IOException("database is locked"), 1, i);
        }

        var lines = _logs.Collector.GetSnapshot();
        Assert.Equal(WriteFailureLog.RepeatLinesPerWindow, lines.Count);
        Assert.Single(lines, l => l.Exception is not null);
        Assert.NotNull(lines[0].Exception);
        Assert.All(lines, l => Assert.Equal(LogLevel.Warning, l.Level));
        Assert.All(lines, l => Assert.Contains("IOException: database is locked", l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Failed_AfterTheMinute_NextLineCountsTheFailuresLeftOut()
    {
        for (var i = 1; i <= 25; i++)
        {
            _log.Failed(new IOException("disk I/O error"), 3, i);
        }

        _time.Advance(WriteFailureLog.Window);
        _log.Failed(new IOException("disk I/O error"), 3, 26);

        var last = _logs.Collector.GetSnapshot()[^1];
        Assert.Equal(WriteFailureLog.RepeatLinesPerWindow + 1, _logs.Collector.GetSnapshot().Count);
        Assert.Null(last.Exception);
        Assert.Contains("15 failed writes before this one were not logged", last.Message, StringComparison.Ordinal);
        Assert.Contains("26 consecutive errors", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_DistinctErrorPastTheCap_StillLoggedWithItsStackTrace()
    {
        for (var i = 0; i < 20; i++)
        {
            _log.Failed(new IOException("database is locked"), 1, i);
        }

        _log.Failed(new UnauthorizedAccessException("read-only file system"), 1, 21);
        _log.Failed(new IOException("database or disk is full"), 1, 22);

        var withStack = _logs.Collector.GetSnapshot().Where(l => l.Exception is not null).Select(l => l.Exception!.Message).ToList();
        Assert.Equal(["database is locked", "read-only file system", "database or disk is full"], withStack);
    }
}
