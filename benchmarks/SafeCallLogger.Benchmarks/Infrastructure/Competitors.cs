using NLog.Config;
using NLog.Targets;
using NLog.Targets.Wrappers;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>Serilog with Serilog.Sinks.Async in front of a sink that only counts (a null sink we can check).</summary>
public sealed class SerilogAsync : IDisposable
{
    private readonly CountingSerilogSink _sink = new();

    public SerilogAsync(int bufferSize)
    {
        Logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Async(a => a.Sink(_sink), bufferSize: bufferSize, blockWhenFull: false)
            .CreateLogger();
    }

    public Serilog.Core.Logger Logger { get; }

    public long Emitted => _sink.Count;

    public void Dispose() => Logger.Dispose();

    private sealed class CountingSerilogSink : ILogEventSink
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Emit(LogEvent logEvent) => Interlocked.Increment(ref _count);
    }
}

/// <summary>NLog with an AsyncTargetWrapper in front of a target that only counts (a null target we can check).</summary>
public sealed class NLogAsync : IDisposable
{
    private readonly NLog.LogFactory _factory = new();
    private readonly CountingTarget _target = new();

    public NLogAsync(int queueLimit)
    {
        var config = new LoggingConfiguration(_factory);
        var wrapper = new AsyncTargetWrapper("async", _target)
        {
            QueueLimit = queueLimit,
            OverflowAction = AsyncTargetWrapperOverflowAction.Discard,
        };
        config.AddRuleForAllLevels(wrapper);
        _factory.Configuration = config;
        Logger = _factory.GetLogger("bench");
    }

    public NLog.Logger Logger { get; }

    public long Written => _target.Count;

    public void Flush() => _factory.Flush(TimeSpan.FromSeconds(30));

    public void Dispose() => _factory.Dispose();

    private sealed class CountingTarget : TargetWithLayout
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        protected override void Write(NLog.LogEventInfo logEvent) => Interlocked.Increment(ref _count);
    }
}
