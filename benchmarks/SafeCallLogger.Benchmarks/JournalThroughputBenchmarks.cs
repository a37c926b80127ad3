using BenchmarkDotNet.Attributes;
using SafeCallLogger.Benchmarks.Infrastructure;
using SafeCallLogger.Journal;

namespace SafeCallLogger.Benchmarks;

/// <summary>
/// Spill and replay throughput, per record, against a raw sequential file write and read of the same bytes (each
/// record's header and payload, in order, through a 64 KiB-buffered FileStream): what the journal costs over the
/// file system's own speed. Spill appends 100,000 typical calls to an open journal (8 MiB mapped segments, sync off,
/// committed after each invocation so wholly committed segments are deleted). Replay reads them back through the
/// writer's cursor from a journal of a finished run and decodes each operation, as the writer does at start-up; the
/// raw read only reads the bytes. The ratio column is per record; records/s is 1 s divided by the mean.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class JournalThroughputBenchmarks
{
    private const int Records = 100_000;
    private readonly CallOperation _operation = Calls.Operation(Calls.Arbitrage("3f2a9c0d1e4b5a67"), "3f2a9c0d1e4b5a67");
    private readonly List<JournalRecord> _read = new(256);
    private byte[] _record = [];
    private string _root = null!;
    private JournalStore _spill = null!;
    private JournalStore _replay = null!;
    private string _rawFile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Paths.Scratch, "scl-journal-throughput-" + Guid.NewGuid().ToString("N"));
        var settings = new JournalStoreSettings { SegmentBytes = 8L << 20, CapBytes = 1L << 40, SyncInterval = Timeout.InfiniteTimeSpan };
        _spill = JournalStore.Open(Path.Combine(_root, "spill"), settings, TimeProvider.System);

        // A finished run's journal: appended, never committed, closed; the replay reads it back again and again.
        using (var finished = JournalStore.Open(Path.Combine(_root, "replay"), settings, TimeProvider.System))
        {
            for (var i = 0; i < Records; i++)
            {
                Checks.True(finished.TryAppend(_operation with { OperationId = Guid.NewGuid() }, out _) == JournalAppendResult.Appended, "replay journal append");
            }
        }

        _replay = JournalStore.Open(Path.Combine(_root, "replay"), settings, TimeProvider.System);
        var scratch = new byte[1024];
        var payload = scratch.AsSpan(0, OperationCodec.Encode(_operation, ref scratch));
        _record = new byte[RecordFormat.HeaderSize + payload.Length];
        RecordFormat.WriteHeader(_record, 1, _operation.OperationId, 0, payload.Length, RecordFormat.PayloadChecksum(payload));
        payload.CopyTo(_record.AsSpan(RecordFormat.HeaderSize));
        _rawFile = Path.Combine(_root, "raw.bin");
        RawWrite();
        Console.WriteLine($"// CHECK record: {_record.Length} bytes; replay journal holds {_replay.LastSequence - _replay.CommittedSequence:N0} pending records");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// CHECK spill: appended {_spill.LastSequence:N0}, rolls without a spare ready {_spill.InlineRolls}, last error {_spill.LastError?.Message ?? "none"}");
        _spill.Dispose();
        _replay.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records, Description = "Raw sequential write of the same bytes")]
    public long RawWrite()
    {
        using var file = new FileStream(_rawFile, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        for (var i = 0; i < Records; i++)
        {
            file.Write(_record);
        }

        return file.Length;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "Spill: TryAppend")]
    public long Spill()
    {
        for (var i = 0; i < Records; i++)
        {
            Checks.True(_spill.TryAppend(_operation, out _) == JournalAppendResult.Appended, "spill append");
        }

        _spill.Commit(_spill.LastSequence);
        return _spill.LastSequence;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "Raw sequential read of the same bytes")]
    public long RawRead()
    {
        var buffer = new byte[64 * 1024];
        using var file = new FileStream(_rawFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        long total = 0;
        int n;
        while ((n = file.Read(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "Replay: cursor Read + decode")]
    public long Replay()
    {
        long after = _replay.CommittedSequence, count = 0;
        while (true)
        {
            _read.Clear();
            if (_replay.Read(after, _replay.LastSequence, 256, _read) == 0)
            {
                break;
            }

            after = _read[^1].Sequence;
            count += _read.Count;
        }

        Checks.True(count == Records, "replay read every record");
        return count;
    }
}
