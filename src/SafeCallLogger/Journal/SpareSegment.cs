namespace SafeCallLogger.Journal;

/// <summary>
/// The next segment, created, allocated and mapped in the background before it is needed, so rolling over is a
/// rename and a pointer swap on the appender's thread, and its pages are faulted in beforehand
/// (<see cref="MappedSegment.Pretouch"/>). A spare is named <c>{guid}.spare</c> until it is used, and
/// an open deletes any spare a crash left (it never holds a record: it is renamed before the first copy).
/// </summary>
internal sealed class SpareSegment : IDisposable
{
    private readonly object _gate = new();
    private readonly string _directory;
    private readonly long _bytes;
    private MappedSegment? _ready;
    private Task _preparing = Task.CompletedTask;
    private bool _disposed;

    public SpareSegment(string directory, long bytes)
    {
        _directory = directory;
        _bytes = bytes;
    }

    /// <summary>How many rolls found no spare ready and created their segment inline (on an appender's thread).</summary>
    public long InlineCreations { get; private set; }

    /// <summary>Why the last background preparation failed, or <see langword="null"/>.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Starts preparing a spare unless one is ready or being prepared.</summary>
    public void PrepareInBackground()
    {
        lock (_gate)
        {
            if (_disposed || _ready is not null || !_preparing.IsCompleted)
            {
                return;
            }

            _preparing = Task.Run(Prepare);
        }
    }

    /// <summary>The ready spare if it holds <paramref name="need"/> bytes, else a new one created now.</summary>
    /// <exception cref="IOException">No spare was ready and none could be created (disk full, I/O error).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public MappedSegment Take(int need)
    {
        MappedSegment? ready;
        lock (_gate)
        {
            ready = _ready is { } spare && spare.Capacity >= need ? spare : null;
            if (ready is not null)
            {
                _ready = null;
            }
        }

        if (ready is not null)
        {
            return ready;
        }

        InlineCreations++;
        return MappedSegment.Create(NewPath(), Math.Max(_bytes, need));
    }

    public void Dispose()
    {
        Task preparing;
        MappedSegment? ready;
        lock (_gate)
        {
            _disposed = true;
            preparing = _preparing;
            ready = _ready;
            _ready = null;
        }

        try
        {
            preparing.Wait();
        }
        catch (AggregateException ex)
        {
            // Prepare catches what it expects; anything else it met is not ours to rethrow at close.
            LastError = ex.InnerException;
        }

        ready?.Discard();
    }

    private void Prepare()
    {
        MappedSegment segment;
        try
        {
            segment = MappedSegment.Create(NewPath(), _bytes);
            segment.Pretouch();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // The roll creates one inline and reports the error through the append that needs it.
            LastError = ex;
            return;
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                _ready = segment;
                return;
            }
        }

        segment.Discard();
    }

    private string NewPath() => Path.Combine(_directory, Guid.NewGuid().ToString("N") + JournalFiles.SpareExtension);
}
