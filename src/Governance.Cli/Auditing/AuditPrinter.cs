using System.Globalization;
using Governance.Cli.Infrastructure;
using Governance.Domain.Audit;
using Governance.Domain.History;
using Governance.Storage.Audits;

namespace Governance.Cli.Auditing;

/// <summary>Audit runs, diffs and risk profiles for a person.</summary>
public static class AuditPrinter
{
    private const int KeysListed = 20;

    public static void PrintRun(IAnsiConsole console, CompletedAudit audit, AuditRunDiff? diff, int riskiest)
    {
        var run = audit.Run;
        var result = audit.Result;
        console.Heading($"Audit run {run.Id}");
        console.WriteLine($"{HistoryEntry.FormatTime(run.StartedAt)[..19].Replace('T', ' ')} UTC, {run.Trigger}; policy set {run.PolicySetHash[..12]}: {result.PoliciesEvaluated} policies over {result.ServicesAudited} services.");
        var traits = result.Profiles.Sum(profile => profile.Traits.Count);
        console.WriteLine($"{result.Profiles.Count} services have {traits} risk traits; {result.Profiles.Count(profile => profile.Level >= RiskLevel.High)} are at high or critical risk.");
        if (diff is { PreviousRunId: { } previous })
        {
            PrintDiff(console, $"Since run {previous}", diff.Diff);
        }

        console.Heading("Riskiest services");
        var table = Tables.Create("service", "level", "score", "traits");
        foreach (var profile in result.Profiles.Take(riskiest))
        {
            table.Row(profile.ServiceId, Names.Kebab(profile.Level), profile.Score.ToString(CultureInfo.InvariantCulture), string.Join(", ", profile.Traits.Select(Label)));
        }

        console.Write(table);
    }

    public static void PrintDiff(IAnsiConsole console, string title, AuditDiff diff)
    {
        console.Heading($"{title}: {diff.New.Count} new, {diff.Resolved.Count} resolved, {diff.Unchanged.Count} unchanged");
        PrintKeys(console, "new", diff.New);
        PrintKeys(console, "resolved", diff.Resolved);
    }

    public static void PrintProfile(IAnsiConsole console, RiskProfile profile, long runId)
    {
        console.Heading($"{profile.ServiceId}: {Names.Kebab(profile.Level)} risk, score {profile.Score} (audit run {runId})");
        foreach (var trait in profile.Traits)
        {
            var waived = trait.Waiver is { } waiver ? $" — waived until {waiver.Expires:yyyy-MM-dd} by {waiver.Approver}: {waiver.Justification}" : string.Empty;
            console.WriteLine($"{trait.PolicyId} ({Names.Kebab(trait.Severity)}, {Names.Kebab(trait.Category)}): {trait.Title}{waived}");
            foreach (var evidence in trait.Evidence)
            {
                console.WriteLine($"    {evidence}");
            }
        }
    }

    private static void PrintKeys(IAnsiConsole console, string label, IReadOnlyList<FindingKey> keys)
    {
        foreach (var key in keys.Take(KeysListed))
        {
            console.WriteLine($"  {label}: {key.ServiceId} {key.PolicyId}");
        }

        if (keys.Count > KeysListed)
        {
            console.WriteLine($"  … and {keys.Count - KeysListed} more {label} (--json lists them all)");
        }
    }

    private static string Label(TraitFinding trait) => trait.IsWaived ? $"{trait.PolicyId} (waived)" : trait.PolicyId;
}
