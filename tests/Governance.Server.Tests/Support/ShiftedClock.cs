namespace Governance.Server.Tests.Support;

/// <summary>
/// A clock the test sets and moves by hand that still runs forward in between, so that a scheduler waiting on it gets
/// somewhere. Timers are real; only "now" is shifted.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset now) : TimeProvider
{
    private long _offsetTicks = (now - TimeProvider.System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Jumps forward, as if the host had been down for <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
