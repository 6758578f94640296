using Governance.Application.Risks;
using Governance.Domain.Catalog;
using Governance.Grains.Contracts;
using Governance.Storage;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Services;

/// <summary>A grain's latest risk evaluation, for the state version it was made for; evaluated again once the state moves.</summary>
internal sealed class ServiceRiskCache(IServiceGrainHost host)
{
    // Others' states and a new audit's graph facts reach a grain's risks within this; its own changes at once.
    private static readonly TimeSpan KeepOthersFor = TimeSpan.FromSeconds(30);

    private readonly ServiceRiskInputs _inputs = new(host.Store, host.Time, KeepOthersFor);
    private ServiceRisks? _latest;

    /// <summary>The risks of <paramref name="current"/>: the cached evaluation when it is of this version, else a new one.</summary>
    public async Task<ServiceRisks> GetAsync(Versioned<ServiceState> current) =>
        _latest is { } latest && latest.StateVersion == current.Version ? latest : await EvaluateNowAsync(current);

    /// <summary>Evaluates after a change. The change is committed whatever happens here, so a failure is logged, not thrown.</summary>
    public async Task EvaluateAsync(Versioned<ServiceState> current, ILogger logger)
    {
        try
        {
            await EvaluateNowAsync(current);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            _latest = null;
            ServiceGrainLog.RiskEvaluationFailed(logger, failure, current.State.Id, current.Version);
        }
    }

    private async Task<ServiceRisks> EvaluateNowAsync(Versioned<ServiceState> current)
    {
        var policies = host.Policies;
        var assessment = await _inputs.EvaluateAsync(policies, current.State, host.Time.GetUtcNow());
        _latest = new ServiceRisks(assessment.Profile, current.Version, current.UpdatedAt, assessment.EvaluatedAt, assessment.GraphRunId, policies.Set.Hash);
        return _latest;
    }
}
