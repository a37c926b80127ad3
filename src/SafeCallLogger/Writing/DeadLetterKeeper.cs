using Microsoft.Extensions.Logging;
using SafeCallLogger.Diagnostics;
using SafeCallLogger.Internal;

namespace SafeCallLogger.Writing;

/// <summary>
/// Keeps the operations the writer set aside, so that poison costs a row in a dead-letter store, not the data: in
/// the sink itself when it is an <see cref="IDeadLetterSink"/> (retried like any write while storage is down), else
/// appended to <see cref="CallLoggerOptions.DeadLetterPath"/> as JSON Lines, else logged whole at Error level. Letters
/// that reach only the log are counted as quarantined (lost from storage); the others as dead-lettered.
/// </summary>
internal sealed class DeadLetterKeeper(ICallSink sink, string? path, LoggerCounters counters, ILogger logger, TimeProvider time)
{
    private readonly IDeadLetterSink? _store = sink as IDeadLetterSink;
    private readonly string? _path = path is null ? null : Path.GetFullPath(path, AppContext.BaseDirectory);
    private readonly List<DeadLetter> _waiting = [];

    /// <summary>Letters not kept yet.</summary>
    public bool HasWaiting => _waiting.Count > 0;

    public void Add(in CallOperation operation, Exception error)
    {
        _waiting.Add(new DeadLetter(operation, OneLine(error), time.GetUtcNow()));
    }

    /// <summary>
    /// Keeps the waiting letters. Returns the sink's failure when an <see cref="IDeadLetterSink"/> could not take them
    /// (they stay waiting); <see langword="null"/> when they are kept or, failing every store, logged.
    /// </summary>
    public async ValueTask<SinkCallOutcome?> KeepAsync(SinkCall call, CancellationToken hardStop)
    {
        if (_waiting.Count == 0)
        {
            return null;
        }

        if (_store is not null)
        {
            // A copy: a call abandoned on timeout may still read its list while the next attempt builds another.
            var outcome = await call.WriteDeadLettersAsync(_store, [.. _waiting], hardStop).ConfigureAwait(false);
            switch (outcome.Result)
            {
                case SinkCallResult.Written:
                    Kept(storedIn: "the sink's dead-letter store");
                    return null;
                case SinkCallResult.StorageFailed or SinkCallResult.StorageReplaced:
                    return outcome;
                default:
                    // The store refused the letter itself: the log is the last place left.
                    break;
            }
        }
        else if (_path is not null && TryAppendToFile())
        {
            Kept(storedIn: _path);
            return null;
        }

        LogWaiting();
        return null;
    }

    /// <summary>
    /// Logs every waiting letter whole at Error level (its last copy) and counts it as quarantined: the fallback when
    /// no store takes it, and what a hard stop does with letters storage never took. Returns how many.
    /// </summary>
    public int LogWaiting()
    {
        foreach (var letter in _waiting)
        {
            Log.QuarantinedToLog(logger, letter.Operation.Kind, LogText.Id(letter.Operation.CallId), letter.Error, OperationJson.Serialize(letter.Operation));
        }

        var count = _waiting.Count;
        Interlocked.Add(ref counters.Quarantined, count);
        _waiting.Clear();
        return count;
    }

    private void Kept(string storedIn)
    {
        foreach (var letter in _waiting)
        {
            Log.DeadLettered(logger, letter.Operation.Kind, LogText.Id(letter.Operation.CallId), letter.Error, storedIn);
        }

        Interlocked.Add(ref counters.DeadLettered, _waiting.Count);
        _waiting.Clear();
    }

    private bool TryAppendToFile()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            using var file = new FileStream(_path!, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(file);
            foreach (var letter in _waiting)
            {
                writer.Write(OperationJson.Serialize(letter));
                writer.Write('\n');
            }

            writer.Flush();
            file.Flush(flushToDisk: true);
            return true;
        }
#pragma warning disable CA1031 // An unwritable dead-letter file falls back to the log; it must never wedge the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.DeadLetterFileFailed(logger, ex, _path!);
            return false;
        }
    }

    private static string OneLine(Exception error) =>
        $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
}
