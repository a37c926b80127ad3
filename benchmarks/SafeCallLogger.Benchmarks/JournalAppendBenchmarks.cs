using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// What a durable-mode append costs the caller's thread: the typical call (the operation EnqueueBenchmarks logs)
/// appended to a journal of 8 MiB preallocated, memory-mapped segments. The baseline is encoding the payload alone
/// (the binary OperationCodec); "pre-encoded" is the rest of the append (payload CRC, clock, lock, sequence, header
/// CRC, the copy into the mapping), i.e. the append minus the encoding. The sync is off (it runs off the callers'
/// threads anyway); a committer thread plays the writer, committing every 20 ms so wholly committed segments are
/// deleted and the disk use stays a few segments. Every case checks it measured accepted appends.
/// Two places: "disk" (the artifacts folder) and "tmpfs" (/dev/shm). A benchmark loop appends about 1 GB/s, faster
/// than the disk takes dirty pages and than the background spare is prepared and pretouched, so on disk it measures
/// page faults and writeback throttling (the CHECK line counts rolls that found no spare ready); tmpfs shows the
/// append's own cost. A bot's real rate (thousands of calls a second at most) is far from either limit.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class JournalAppendBenchmarks
{
    private readonly CallOperation _operation = Calls.Operation(Calls.Arbitrage("3f2a9c0d1e4b5a67"), "3f2a9c0d1e4b5a67");
    private byte[] _scratch = new byte[1024];
    private byte[] _payload = [];
    private JournalStore _store = null!;
    private string _directory = null!;
    private Thread _committer = null!;
    private volatile bool _stop;
    private long _notAppended;

    [Params("disk", "tmpfs")]
    public string Place { get; set; } = "disk";

    [GlobalSetup]
    public void Setup()
    {
        var root = Place == "tmpfs" && Directory.Exists("/dev/shm") ? "/dev/shm" : Paths.Scratch;
        _directory = Path.Combine(root, "scl-journal-bench-" + Guid.NewGuid().ToString("N"));
        var settings = new JournalStoreSettings { SegmentBytes = 8L << 20, CapBytes = 1L << 40, SyncInterval = Timeout.InfiniteTimeSpan };
        _store = JournalStore.Open(_directory, settings, TimeProvider.System);
        _payload = _scratch.AsSpan(0, OperationCodec.Encode(_operation, ref _scratch)).ToArray();
        Console.WriteLine($"// CHECK payload: {_payload.Length} bytes (binary codec), record {_payload.Length + RecordFormat.HeaderSize} bytes");
        _committer = new Thread(() =>
        {
            while (!_stop)
            {
                Thread.Sleep(20);
                _store.Commit(_store.LastSequence);
            }
        }) { IsBackground = true };
        _committer.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop = true;
        _committer.Join();
        Console.WriteLine($"// CHECK journal: appended {_store.LastSequence:N0}, not appended {_notAppended}, segments {_store.SegmentCount}, rolls without a spare ready {_store.InlineRolls}, last error {_store.LastError?.Message ?? "none"}");
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
        if (_notAppended > 0)
        {
            throw new InvalidOperationException($"{_notAppended} appends were not Appended: the numbers measured an early return.");
        }
    }

    [Benchmark(Baseline = true, Description = "OperationCodec.Encode (JSON) alone")]
    public int Encode() => OperationCodec.Encode(_operation, ref _scratch);

    [Benchmark(Description = "TryAppend, typical call")]
    public long TryAppend()
    {
        if (_store.TryAppend(_operation, out var sequence) != JournalAppendResult.Appended)
        {
            _notAppended++;
        }

        return sequence;
    }

    [Benchmark(Description = "TryAppend minus encoding (pre-encoded payload)")]
    public long TryAppendPreEncoded()
    {
        if (_store.TryAppendPayload(_operation.OperationId, _payload, out var sequence) != JournalAppendResult.Appended)
        {
            _notAppended++;
        }

        return sequence;
    }

    [Benchmark(Description = "RecordFormat.PayloadChecksum alone")]
    public uint PayloadChecksum() => RecordFormat.PayloadChecksum(_payload);
}
