namespace Governance.Application.Auditing;

/// <summary>Audits the whole fleet once and records the run: what the scheduled audit job (and anything else that audits) calls.</summary>
public interface IFleetAudit
{
    /// <summary>
    /// Runs one audit, recorded with <paramref name="trigger"/> as the reason it ran (the scheduler passes
    /// <c>scheduled</c>), and returns the run's id. The run ends succeeded or failed before this returns.
    /// </summary>
    Task<long> RunAsync(string trigger, CancellationToken cancellationToken = default);
}
