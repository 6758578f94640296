using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>A policy read from a file, and where its id is written (duplicate ids name both places).</summary>
internal sealed record PolicyDraft(Policy Policy, SourceLocation IdAt);

/// <summary>A TierTargets document; <see cref="Targets"/> is null when the document had errors.</summary>
internal sealed record TierTargetsDraft(TierTargets? Targets, SourceLocation At);

/// <summary>A WaiverRules document; <see cref="Rules"/> is null when the document had errors.</summary>
internal sealed record WaiverRulesDraft(WaiverRules? Rules, SourceLocation At);

/// <summary>Every document of a policy set, gathered across files, and the rules that span files.</summary>
internal sealed class PolicyDocuments
{
    public List<PolicyDraft> Policies { get; } = [];

    public List<TierTargetsDraft> TierTargets { get; } = [];

    public List<WaiverRulesDraft> WaiverRules { get; } = [];

    /// <summary>The set's waiver rules: its one WaiverRules document, else the defaults; a second document is an error.</summary>
    public WaiverRules? CheckWaiverRules(List<ImportProblem> errors)
    {
        foreach (var extra in WaiverRules.Skip(1))
        {
            errors.Add(new ImportProblem(extra.At, "kind", $"a second WaiverRules document; a policy set has at most one, and it is at {WaiverRules[0].At}"));
        }

        return WaiverRules.Count == 0 ? Domain.Policies.WaiverRules.Default : WaiverRules[0].Rules;
    }

    /// <summary>Reports duplicate policy ids and a missing or repeated TierTargets document; the set's tier targets when there is one.</summary>
    public TierTargets? CheckSet(string setLocation, List<ImportProblem> errors)
    {
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var draft in Policies)
        {
            if (!first.TryAdd(draft.Policy.Id, draft.IdAt))
            {
                errors.Add(new ImportProblem(draft.IdAt, "id", $"duplicate policy id '{draft.Policy.Id}'; it is already defined at {first[draft.Policy.Id]}"));
            }
        }

        if (TierTargets.Count == 0)
        {
            errors.Add(new ImportProblem(new SourceLocation(setLocation, 1, 1), "(policy set)",
                "no TierTargets document: a policy set needs exactly one (apiVersion: governance/v1, kind: TierTargets) giving tiers 0–3"));
            return null;
        }

        foreach (var extra in TierTargets.Skip(1))
        {
            errors.Add(new ImportProblem(extra.At, "kind", $"a second TierTargets document; a policy set has exactly one, and it is at {TierTargets[0].At}"));
        }

        return TierTargets.Count == 1 ? TierTargets[0].Targets : null;
    }
}
