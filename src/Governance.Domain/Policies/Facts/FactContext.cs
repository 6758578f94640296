using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Graph;

namespace Governance.Domain.Policies;

/// <summary>
/// What compiled conditions read: the service under evaluation, its graph facts and tier target, and the collection item a
/// quantifier is at. One context is reused for every service of an evaluation, so evaluating allocates nothing per service.
/// </summary>
internal sealed class FactContext(int auditDay, FleetIndex? fleet)
{
    private ServiceState?[] _targets = [];
    private bool _targetsResolved;
    private int _edgeIndex;

    /// <summary>Reused for each trait's evidence before it is copied out at its exact size.</summary>
    public List<Evidence> Evidence { get; } = new(16);

    /// <summary>Reused for each service's findings before they are copied out at their exact size.</summary>
    public List<TraitFinding> Findings { get; } = new(8);

    /// <summary>The audit's (UTC) day, as a day number: dates are aged against it.</summary>
    public int AuditDay { get; } = auditDay;

    public ServiceState Service { get; private set; } = null!;

    public GraphFacts Graph { get; private set; } = null!;

    public TierTarget? TierTarget { get; private set; }

    public Dependency? Edge { get; private set; }

    public DataStore? Store { get; private set; }

    /// <summary>The service the current edge points at (an API's first provider); null when it is not in the catalog.</summary>
    public ServiceState? EdgeTarget => Edge is null ? null : TargetAt(_edgeIndex);

    /// <summary>The name of the current item, for evidence: the edge's target or the store's name.</summary>
    public string? ItemName => Edge?.Target ?? Store?.Name;

    public void Begin(ServiceState service, GraphFacts graph, TierTarget? tierTarget)
    {
        Service = service;
        Graph = graph;
        TierTarget = tierTarget;
        _targetsResolved = false;
        ClearItem();
    }

    public void AtEdge(int index)
    {
        _edgeIndex = index;
        Edge = Service.Dependencies[index];
    }

    public void AtStore(int index) => Store = Service.DataStores[index];

    public void ClearItem()
    {
        Edge = null;
        Store = null;
    }

    // Targets are looked up once per service, and only for services whose policies ask for them.
    private ServiceState? TargetAt(int index)
    {
        if (!_targetsResolved)
        {
            var edges = Service.Dependencies;
            if (_targets.Length < edges.Count)
            {
                _targets = new ServiceState?[Math.Max(edges.Count, _targets.Length * 2)];
            }

            for (var i = 0; i < edges.Count; i++)
            {
                _targets[i] = fleet?.Resolve(edges[i]);
            }

            _targetsResolved = true;
        }

        return _targets[index];
    }
}
