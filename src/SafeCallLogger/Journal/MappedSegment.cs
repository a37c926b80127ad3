using System.IO.MemoryMappedFiles;

namespace SafeCallLogger.Journal;

/// <summary>
/// One segment file this process writes: created at its full size with every block allocated
/// (<see cref="SegmentAllocation"/>), then mapped shared, so a record copied into the view is in the kernel's page
/// cache at once and survives the process being killed, with no system call per append. Appends come under the
/// store's lock; <see cref="Used"/> is published after each copy, so a reader sees only whole records. Flush and
/// close serialise on the segment's own gate, so the syncer never flushes a view being unmapped.
/// </summary>
internal sealed class MappedSegment : IDisposable
{
    private readonly object _gate = new();
    private readonly FileStream _file;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private long _used;
    private long _flushed;
    private bool _closed;

    private MappedSegment(string path, long capacity, FileStream file, MemoryMappedFile map, MemoryMappedViewAccessor view)
    {
        Path = path;
        Capacity = capacity;
        _file = file;
        _map = map;
        _view = view;
    }

    /// <summary>Where the file is now (a spare is renamed when it becomes the active segment).</summary>
    public string Path { get; private set; }

    public long Capacity { get; }

    /// <summary>The bytes of whole records in the segment (published after each copy).</summary>
    public long Used => Volatile.Read(ref _used);

    /// <summary>Whether bytes were appended since the last flush.</summary>
    public bool IsDirty => Volatile.Read(ref _used) > Volatile.Read(ref _flushed);

    /// <summary>Creates, allocates and maps a new file; on any failure removes what it created and throws.</summary>
    /// <exception cref="IOException">The file could not be created, allocated or mapped.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static MappedSegment Create(string path, long capacity)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        MemoryMappedFile? map = null;
        try
        {
            SegmentAllocation.Allocate(file, capacity);
            map = MemoryMappedFile.CreateFromFile(file, null, capacity, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
            var view = map.CreateViewAccessor(0, capacity, MemoryMappedFileAccess.ReadWrite);
            return new MappedSegment(path, capacity, file, map, view);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            map?.Dispose();
            file.Dispose();
            TryDelete(path);
            throw;
        }
    }

    public bool HasRoom(int length) => _used + length <= Capacity;

    /// <summary>
    /// Writes a zero into every page of an unused segment, so each page is faulted in (and, on ext4 and the like,
    /// made writable by the file system) now, in the background, rather than on an appender's thread: a first write
    /// into a mapped page costs microseconds, one fault every few records. Chronicle Queue's pretoucher does the same.
    /// </summary>
    public void Pretouch()
    {
        var buffer = _view.SafeMemoryMappedViewHandle;
        var page = Environment.SystemPageSize;
        for (long offset = 0; offset < Capacity; offset += page)
        {
            buffer.Write((ulong)offset, (byte)0);
        }
    }

    /// <exception cref="IOException">The rename failed; the segment keeps its old path.</exception>
    public void MoveTo(string path, bool overwrite)
    {
        File.Move(Path, path, overwrite);
        Path = path;
    }

    /// <summary>Closes and deletes a segment that never held a record (a spare not used).</summary>
    public void Discard()
    {
        Dispose();
        TryDelete(Path);
    }

    /// <summary>Under the store's lock: copies one record (header, then payload) after the last one and publishes it.</summary>
    public void Append(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var at = (ulong)_used;
        var buffer = _view.SafeMemoryMappedViewHandle;
        buffer.WriteSpan(at, header);
        buffer.WriteSpan(at + (ulong)header.Length, payload);
        Volatile.Write(ref _used, _used + header.Length + payload.Length);
    }

    /// <summary>Copies published bytes out of the view; <paramref name="offset"/> plus the length stays within <see cref="Used"/>.</summary>
    /// <exception cref="ObjectDisposedException">The segment was closed.</exception>
    public void Read(long offset, Span<byte> into) => _view.SafeMemoryMappedViewHandle.ReadSpan((ulong)offset, into);

    /// <summary>Writes the appended bytes through to the disk (msync); a closed segment does nothing.</summary>
    /// <exception cref="IOException">The flush failed.</exception>
    public void Flush()
    {
        lock (_gate)
        {
            var used = Used;
            if (_closed || used <= _flushed)
            {
                return;
            }

            _view.Flush();
            Volatile.Write(ref _flushed, used);
        }
    }

    /// <summary>
    /// Unmaps and closes the file; a clean close first flushes (when <paramref name="sync"/>) and cuts the file to its
    /// used length, so a closed segment holds no zero tail.
    /// </summary>
    /// <exception cref="IOException">The flush or the trim failed (the file is closed anyway).</exception>
    public void Close(bool trim, bool sync)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            try
            {
                if (sync)
                {
                    _view.Flush();
                }

                _view.Dispose();
                _map.Dispose();
                if (trim)
                {
                    _file.SetLength(_used);
                    _file.Flush(flushToDisk: sync);
                }
            }
            finally
            {
                _view.Dispose();
                _map.Dispose();
                _file.Dispose();
            }
        }
    }

    /// <summary>Closes without trimming or flushing: what the process dying would leave.</summary>
    public void Dispose()
    {
        try
        {
            Close(trim: false, sync: false);
        }
        catch (IOException)
        {
            // Nothing is written on this path; disposing a view that fails to unmap leaves it to the finalizer.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover spare is removed by the next open.
            _ = ex;
        }
    }
}
