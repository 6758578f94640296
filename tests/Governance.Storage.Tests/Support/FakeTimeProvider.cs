using System.Diagnostics;

namespace Governance.Storage.Tests.Support;

/// <summary>
/// The tests' one clock: "now" is what the test sets and moves by hand. Standing (the default) it moves only when told;
/// <see cref="Running"/> it also runs on in between, so that a scheduler waiting on it gets somewhere. Timers (the store's
/// retry back-off, a scheduler's wait) run on real time either way.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly Stopwatch? _running;
    private DateTimeOffset _now = start;

    public FakeTimeProvider()
        : this(DefaultStart)
    {
    }

    private FakeTimeProvider(DateTimeOffset start, bool running)
        : this(start) => _running = running ? Stopwatch.StartNew() : null;

    // Sub-microsecond ticks on purpose: the history keeps whole microseconds.
    public static DateTimeOffset DefaultStart { get; } = new DateTimeOffset(2025, 4, 1, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary>A clock set to <paramref name="start"/> that runs forward in real time from now on.</summary>
    public static FakeTimeProvider Running(DateTimeOffset start) => new(start, running: true);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now + (_running?.Elapsed ?? TimeSpan.Zero);
        }
    }

    /// <summary>Jumps forward, as if <paramref name="by"/> had passed (a host down for that long).</summary>
    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
