using Governance.Domain.Policies;
using Governance.Server.Hosting;

namespace Governance.Server.Auditing;

/// <summary>One succeeded audit run's similarity index, as <see cref="SimilarityIndexCache"/> keeps it.</summary>
public sealed record RunSimilarity(long RunId, SimilarityIndex Index);

/// <summary>
/// The similarity index of the run last asked about, kept: building one reads every profile of the run (seconds at 100,000
/// services), and a stored run never changes. The next run replaces it when it is first asked about.
/// </summary>
public sealed class SimilarityIndexCache(StoreHolder holder) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RunSimilarity? _kept;

    /// <summary>The index of succeeded run <paramref name="runId"/> (the latest when null); null when it has not succeeded or none has.</summary>
    public async Task<RunSimilarity?> GetAsync(long? runId, CancellationToken cancellationToken)
    {
        var audits = holder.Store.Audits;
        if ((runId ?? (await audits.GetLatestSucceededRunAsync(cancellationToken))?.Id) is not { } wanted)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_kept?.RunId != wanted)
            {
                _kept = await audits.GetAuditAsync(wanted, cancellationToken) is { } audit ? new RunSimilarity(audit.Run.Id, SimilarityIndex.Build(audit.Result)) : _kept;
            }

            return _kept?.RunId == wanted ? _kept : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
