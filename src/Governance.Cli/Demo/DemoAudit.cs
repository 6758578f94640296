using System.Globalization;
using Governance.Cli.Auditing;
using Governance.Cli.Infrastructure;
using Governance.Domain.Audit;
using Governance.Domain.Policies;
using Governance.Storage;

namespace Governance.Cli.Demo;

/// <summary>The demo's audit: the riskiest services, and the services that share the feature-enablement service's traits.</summary>
public sealed record DemoAudit(long RunId, int Policies, int ServicesWithTraits, IReadOnlyList<RiskProfile> Riskiest, IReadOnlyList<SimilarService> LikeTheHub)
{
    public const string Hub = "feature-enablement";
    private const int Shown = 5;

    /// <summary>Audits the demo store with the shipped policies.</summary>
    public static async Task<DemoAudit> RunAsync(GovernanceStore store, Invocation run)
    {
        var runId = await AuditCommand.RunAuditAsync(store, run, null, "demo");
        var audit = await store.Audits.GetAuditAsync(runId, run.CancellationToken)
            ?? throw new CliException(ExitCodes.InternalError, $"audit run {runId} was stored but cannot be read back");
        var result = audit.Result;
        return new DemoAudit(runId, result.PoliciesEvaluated, result.Profiles.Count, [.. result.Profiles.Take(Shown)], SimilarityIndex.Build(result).Rank(Hub, Shown));
    }

    /// <summary>Prints the audit's highlights for a person.</summary>
    public static void Print(DemoAudit audit, IAnsiConsole console)
    {
        console.Heading($"Audit run {audit.RunId}: {audit.Policies} policies; the riskiest of {audit.ServicesWithTraits} services with risk traits");
        var riskiest = Tables.Create("service", "level", "score", "worst traits");
        foreach (var profile in audit.Riskiest)
        {
            var worst = profile.Traits.OrderByDescending(trait => trait.Severity).Take(3).Select(trait => trait.PolicyId);
            riskiest.Row(profile.ServiceId, Names.Kebab(profile.Level), profile.Score.ToString(CultureInfo.InvariantCulture), string.Join(", ", worst));
        }

        console.Write(riskiest);
        console.Heading($"Services with risk characteristics like {Hub}'s");
        var similar = Tables.Create("service", "similarity", "shared traits");
        foreach (var match in audit.LikeTheHub)
        {
            similar.Row(match.ServiceId, match.Score.ToString("F2", CultureInfo.InvariantCulture), string.Join(", ", match.SharedTraits.Take(5)) + (match.SharedTraits.Count > 5 ? $" (+{match.SharedTraits.Count - 5})" : string.Empty));
        }

        console.Write(similar);
    }
}
