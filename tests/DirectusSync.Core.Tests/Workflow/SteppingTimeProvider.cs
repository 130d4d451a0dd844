namespace DirectusSync.Core.Tests.Workflow;

/// <summary>
/// A clock that never waits: a timer moves the clock forward by its due time and fires at once, and a stub
/// server can spend time with <see cref="Advance"/>. Records every pause, so tests assert on the schedule.
/// </summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Pauses { get; } = [];

    public TimeSpan Elapsed => _now - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan span) => _now += span;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Pauses.Add(dueTime);
        _now += dueTime;
        return new FiredTimer(callback, state);
    }

    private sealed class FiredTimer : ITimer
    {
        public FiredTimer(TimerCallback callback, object? state) =>
            // Fired after the caller has its timer in hand, as a real timer would.
            ThreadPool.QueueUserWorkItem(_ => callback(state));

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
