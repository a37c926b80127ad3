using Microsoft.Extensions.Time.Testing;

namespace SafeCallLogger.Tests.Shared;

/// <summary>Where the tests' <see cref="FakeTimeProvider"/> clocks start unless a test says otherwise.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also counts its armed timers. Kept because FakeTimeProvider keeps its waiters
/// private, and a few tests must not move the clock before the code under test is parked on it (a backoff, a timeout).
/// </summary>
internal sealed class TimerCountingTimeProvider() : FakeTimeProvider(TestClock.Start)
{
    private int _pending;

    /// <summary>How many timers are armed and have not fired (a periodic one stays armed until changed or disposed).</summary>
    public int PendingTimers => Volatile.Read(ref _pending);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer(this);
        counted.Arm(dueTime, period);
        counted.Attach(base.CreateTimer(
            s =>
            {
                counted.Fired();
                callback(s);
            },
            state,
            dueTime,
            period));
        return counted;
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner) : ITimer
    {
        private readonly Lock _gate = new();
        private ITimer? _inner;
        private bool _armed;
        private bool _periodic;
        private bool _disposed;

        public void Attach(ITimer inner)
        {
            bool disposed;
            lock (_gate)
            {
                _inner = inner;
                disposed = _disposed;
            }

            // A callback that fired at creation (due time zero) may have disposed the timer before it was attached.
            if (disposed)
            {
                inner.Dispose();
            }
        }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
                Set(!_disposed && dueTime != Timeout.InfiniteTimeSpan);
            }
        }

        public void Fired()
        {
            lock (_gate)
            {
                if (!_periodic)
                {
                    Set(false);
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            ITimer? inner;
            lock (_gate)
            {
                inner = _inner;
            }

            return inner?.Change(dueTime, period) ?? false;
        }

        public void Dispose()
        {
            ITimer? inner;
            lock (_gate)
            {
                _disposed = true;
                Set(false);
                inner = _inner;
            }

            inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Set(bool armed)
        {
            if (armed != _armed)
            {
                _armed = armed;
                Interlocked.Add(ref owner._pending, armed ? 1 : -1);
            }
        }
    }
}
