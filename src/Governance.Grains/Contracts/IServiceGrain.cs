namespace Governance.Grains.Contracts;

/// <summary>
/// One service aggregate, keyed by the service id: its state and version, the commands that change it, and its risk
/// profile re-evaluated after every accepted change. One activation per id in the cluster.
/// </summary>
public interface IServiceGrain : IGrainWithStringKey
{
    /// <summary>The current state and version; null when the service does not exist.</summary>
    Task<ServiceSnapshot?> GetAsync();

    /// <summary>Decides and persists one command as its actor, at the expected version when one is given.</summary>
    Task<CommandReply> ExecuteAsync(ServiceCommandRequest request);

    /// <summary>The service's risk profile as of its latest change; null when the service does not exist.</summary>
    Task<ServiceRisks?> GetRisksAsync();
}
