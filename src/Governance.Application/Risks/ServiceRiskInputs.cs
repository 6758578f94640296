using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Storage;
using Governance.Storage.Audits;

namespace Governance.Application.Risks;

/// <summary>
/// Evaluates one service again and again (its grain, after every change) while keeping what it read of everything else —
/// the latest audit's graph facts for it and the states of its dependency targets — for <paramref name="keepFor"/>. Its own
/// state is always the one given; new edges are read at once; others' changes show within <paramref name="keepFor"/>.
/// </summary>
public sealed class ServiceRiskInputs(GovernanceStore store, TimeProvider time, TimeSpan keepFor)
{
    private Kept<RunGraphFacts?>? _graph;
    private Kept<IReadOnlyList<ServiceState>>? _targets;
    private string? _targetsOf;

    public async Task<ServiceRiskAssessment> EvaluateAsync(PolicyEngine policies, ServiceState service, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var edges = string.Join('\n', service.Dependencies.Select(edge => edge.Target));
        if (_graph is not { } graph || Expired(graph))
        {
            _graph = graph = new Kept<RunGraphFacts?>(await store.Audits.GetLatestGraphFactsAsync(service.Id, cancellationToken), time.GetUtcNow());
        }

        if (_targets is not { } targets || _targetsOf != edges || Expired(targets))
        {
            _targets = targets = new Kept<IReadOnlyList<ServiceState>>(await store.GetDependencyTargetsAsync(service, cancellationToken), time.GetUtcNow());
            _targetsOf = edges;
        }

        return ServiceRiskEvaluator.Evaluate(policies, service, graph.Value, targets.Value, at);
    }

    private bool Expired<T>(Kept<T> kept) => time.GetUtcNow() - kept.ReadAt >= keepFor;

    private sealed record Kept<T>(T Value, DateTimeOffset ReadAt);
}
