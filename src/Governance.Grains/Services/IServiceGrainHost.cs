using Governance.Domain.Policies;
using Governance.Storage;

namespace Governance.Grains.Services;

/// <summary>What service grains need from the process that runs them: the open store and the policy set in force.</summary>
public interface IServiceGrainHost
{
    /// <summary>The store every grain persists through; open before the silo starts.</summary>
    GovernanceStore Store { get; }

    /// <summary>The compiled policy set: waivers are checked against it and risks evaluated by it.</summary>
    PolicyEngine Policies { get; }

    /// <summary>The product's clock: decisions, deadlines and evaluations read it (Orleans keeps its own).</summary>
    TimeProvider Time { get; }
}
