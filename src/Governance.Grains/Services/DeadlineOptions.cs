namespace Governance.Grains.Services;

/// <summary>The <c>Governance:Deadlines</c> section: how often a service grain with a pending deadline checks the clock.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Governance:Deadlines";

    /// <summary>
    /// The reminder's period after its first tick, which falls on the deadline. A tick that falls while no silo is up is
    /// skipped, so the next one (or the grain's next activation) records the deadline late, never never.
    /// </summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
