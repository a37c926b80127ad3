using System.Text;
using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// What durable mode pays on the caller's thread to put one operation into the journal's payload: the binary
/// <see cref="OperationCodec"/> against the journal's JSON today (<see cref="OperationJson"/> text, then UTF-8 bytes,
/// as JournalStore.Append does). The call is the typical arbitrage of <see cref="EnqueueBenchmarks"/> as the logger
/// snapshots it, the click is <c>IncrementClickSafe("3f2a9c0d1e4b5a67", 42)</c>. Encode reuses one scratch array, as
/// the journal would; decode is the replay side.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class OperationCodecBenchmarks
{
    private CallOperation _call;
    private CallOperation _click;
    private byte[] _scratch = new byte[1024];
    private byte[] _callPayload = [];
    private byte[] _clickPayload = [];
    private string _callJson = "";

    [GlobalSetup]
    public void Setup()
    {
        _call = Calls.Operation(Calls.Arbitrage("3f2a9c0d1e4b5a67"), "3f2a9c0d1e4b5a67") with { OperationId = Guid.NewGuid() };
        _click = new CallOperation
        {
            OperationId = Guid.NewGuid(),
            Kind = CallOperationKind.AddClick,
            CallId = "3f2a9c0d1e4b5a67",
            Timestamp = Calls.BaseTime,
            UserId = 42,
        };
        _callPayload = _scratch[..OperationCodec.Encode(_call, ref _scratch)];
        _clickPayload = _scratch[..OperationCodec.Encode(_click, ref _scratch)];
        _callJson = OperationJson.Serialize(_call);
        if (!OperationCodec.TryDecode(_callPayload, out var back) || back.Call?.TeamB != _call.Call!.TeamB || !OperationCodec.TryDecode(_clickPayload, out _))
        {
            throw new InvalidOperationException("The codec does not round-trip the benchmark's operations.");
        }

        Console.WriteLine($"// SIZE call: codec {_callPayload.Length} bytes, JSON {Encoding.UTF8.GetByteCount(_callJson)} bytes; click: codec {_clickPayload.Length} bytes, JSON {Encoding.UTF8.GetByteCount(OperationJson.Serialize(_click))} bytes");
    }

    [Benchmark(Baseline = true, Description = "JSON encode, call (OperationJson + UTF-8 bytes)")]
    public byte[] JsonEncodeCall() => Encoding.UTF8.GetBytes(OperationJson.Serialize(_call));

    [Benchmark(Description = "JSON decode, call")]
    public CallOperation JsonDecodeCall() => OperationJson.Deserialize(_callJson);

    [Benchmark(Description = "Codec encode, call")]
    public int EncodeCall() => OperationCodec.Encode(_call, ref _scratch);

    [Benchmark(Description = "Codec encode, click")]
    public int EncodeClick() => OperationCodec.Encode(_click, ref _scratch);

    [Benchmark(Description = "Codec decode, call")]
    public bool DecodeCall() => OperationCodec.TryDecode(_callPayload, out _);

    [Benchmark(Description = "Codec decode, click")]
    public bool DecodeClick() => OperationCodec.TryDecode(_clickPayload, out _);
}
