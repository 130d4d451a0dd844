namespace DirectusSync.Core.Tests.Transport;

/// <summary>
/// A clock on which every wait ends at once: the waited time is recorded and added to the virtual time, so retry
/// delays and time budgets are observable without the test sleeping or reading the wall clock.
/// </summary>
public sealed class InstantTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Every wait asked for, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    /// <summary>Moves the virtual time forward, as if the program had been busy for <paramref name="span"/>.</summary>
    public void Advance(TimeSpan span)
    {
        lock (_gate)
        {
            _now += span;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                Waits.Add(dueTime);
                _now += dueTime;
            }

            // Fired from the thread pool, never inside CreateTimer, as a real timer would.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
