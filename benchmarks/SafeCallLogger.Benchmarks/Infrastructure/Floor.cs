using System.Threading.Channels;

namespace SafeCallLogger.Benchmarks.Infrastructure;

/// <summary>
/// The floor: a bounded channel configured as the logger's (one reader, no synchronous continuations, Wait mode so a
/// full channel makes TryWrite return false), drained by a reader that does nothing with the items.
/// </summary>
public sealed class FloorChannel : IDisposable
{
    private readonly Task _drain;
    private long _read;
    private long _refused;

    private readonly TimeSpan _pause;

    /// <param name="capacity">Channel capacity.</param>
    /// <param name="singleWriter">Whether only one thread writes.</param>
    /// <param name="pause">How long the reader sleeps after each drain; zero (the default) drains eagerly.</param>
    public FloorChannel(int capacity, bool singleWriter = false, TimeSpan pause = default)
    {
        _pause = pause;
        Channel = System.Threading.Channels.Channel.CreateBounded<CallOperation>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = singleWriter,
            AllowSynchronousContinuations = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using (ExecutionContext.SuppressFlow())
        {
            _drain = Task.Run(DrainAsync);
        }
    }

    public Channel<CallOperation> Channel { get; }

    public long Read => Interlocked.Read(ref _read);

    public long Refused => Interlocked.Read(ref _refused);

    public bool Write(in CallOperation operation)
    {
        if (Channel.Writer.TryWrite(operation))
        {
            return true;
        }

        Interlocked.Increment(ref _refused);
        return false;
    }

    public void Dispose()
    {
        Channel.Writer.TryComplete();
        _drain.Wait(TimeSpan.FromSeconds(10));
        if (Refused != 0)
        {
            throw new InvalidOperationException($"The floor channel refused {Refused} writes: the numbers would not measure the enqueue.");
        }

        Console.WriteLine($"// CHECK floor: read {Read}, refused {Refused}");
    }

    private async Task DrainAsync()
    {
        var reader = Channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var n = 0;
            while (reader.TryRead(out _))
            {
                n++;
            }

            Interlocked.Add(ref _read, n);
            if (_pause > TimeSpan.Zero)
            {
                await Task.Delay(_pause).ConfigureAwait(false);
            }
        }
    }
}
