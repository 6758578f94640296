namespace Governance.Storage.Tests.Support;

/// <summary>A clock the test moves by hand. Timers (the store's retry back-off) still run on real time.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    // Sub-microsecond ticks on purpose: the history keeps whole microseconds.
    public static DateTimeOffset DefaultStart { get; } = new DateTimeOffset(2025, 4, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public FakeTimeProvider()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
