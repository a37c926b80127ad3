using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Validation;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Where the time of one LogCallSafe goes, part by part, on the caller's thread only (no consumer, so no cross-thread
/// wake-up): a same-thread channel write and read of the operation is the baseline.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class HotPathPartsBenchmarks
{
    private readonly CallRecord _withId = Calls.Arbitrage("3f2a9c0d1e4b5a67");
    private readonly Channel<CallOperation> _channel = Channel.CreateBounded<CallOperation>(new BoundedChannelOptions(1000) { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly LoggerCountersProbe _counters = new();
    private CallOperation _operation;
    private readonly System.Text.Json.Nodes.JsonObject _rawData = Calls.RawData10();

    [GlobalSetup]
    public void Setup()
    {
        _operation = Calls.Operation(_withId, "3f2a9c0d1e4b5a67");
        if (ComputeIdLean() != ComputeId())
        {
            throw new InvalidOperationException("The lean prototype does not give the same id.");
        }
    }

    [Benchmark(Baseline = true, Description = "Channel TryWrite + TryRead, same thread")]
    public bool ChannelWriteRead() => _channel.Writer.TryWrite(_operation) && _channel.Reader.TryRead(out _);

    [Benchmark(Description = "CallValidator.Validate")]
    public RejectionReason Validate() => CallValidator.Validate(_withId, 256, 100).Reason;

    [Benchmark(Description = "Snapshot: RawDataSerializer.Serialize, 10 fields")]
    public string? SerializeRawData() => RawDataSerializer.Serialize(_rawData, 32, 64 * 1024, out var json).Reason == RejectionReason.None ? json : null;

    [Benchmark(Description = "JsonObject.ToJsonString, 10 fields (what the writer did before)")]
    public string RawDataToJsonString() => _rawData.ToJsonString();

    [Benchmark(Description = "TimeProvider.System.GetUtcNow")]
    public DateTimeOffset Clock() => TimeProvider.System.GetUtcNow();

    [Benchmark(Description = "CallIds.Compute (hash + id string)")]
    public string ComputeId() => CallIds.Compute(_withId, Calls.BaseTime);

    // The opt-in seed recipe (CallIdRecipe.PythonBotMd5) in its default zone, TimeZoneInfo.Local: the f-string, Python's
    // float text, the local-hour conversion and MD5, against the default XXH64 recipe just above.
    [Benchmark(Description = "CallIds.ComputePythonBotCompatible (seed MD5 recipe, local zone)")]
    public string ComputeSeedId() => CallIds.ComputePythonBotCompatible(_withId, Calls.BaseTime, TimeZoneInfo.Local);

    [Benchmark(Description = "Prototype: Compute, input-sized stackalloc, SkipLocalsInit")]
    public string ComputeIdLean() => LeanCallIds.Compute(_withId.TeamA, _withId.TeamB, _withId.BookmakerA, _withId.BookmakerB, _withId.OddsA, _withId.OddsB, Calls.BaseTime);

    [Benchmark(Description = "Enum.IsDefined x3 (call type, two odds formats)")]
    public bool EnumChecks() => Enum.IsDefined(_withId.CallType) & Enum.IsDefined(_withId.OddsA.Format) & Enum.IsDefined(_withId.OddsB.Format);

    [Benchmark(Description = "CallIds.IsValid")]
    public bool IsValid() => CallIds.IsValid("3f2a9c0d1e4b5a67");

    [Benchmark(Description = "Interlocked.Increment + Volatile.Read (counters)")]
    public long Counters() => _counters.Touch();

    public sealed class LoggerCountersProbe
    {
        private long _accepted;
        private long _dequeued;

        public long Touch() => Interlocked.Increment(ref _accepted) - Volatile.Read(ref _dequeued);

        public void Dequeue(long count) => Interlocked.Add(ref _dequeued, count);
    }
}
