using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>
/// Loads a policy set from YAML files (<c>kind: Policy</c>, exactly one <c>kind: TierTargets</c> and at most one <c>kind: WaiverRules</c>), checking every rule of
/// docs/policy-language.md and reporting each error as <c>file:line:column: message</c>. Nothing is half-loaded: with any
/// error there is no set.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads every *.yaml and *.yml file under <paramref name="directory"/> (folders starting with a dot left out).</summary>
    public static PolicyLoadResult Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return Failed(directory, "no such folder");
        }

        // A policy left out would change every audit without a word: what a catalog import warns about stops the load.
        var skipped = new List<ImportProblem>();
        var files = FileDiscovery.Expand(directory, skipped, skipped).ToList();
        if (skipped.Count > 0)
        {
            return new PolicyLoadResult(null, [.. Ordered(skipped)], files);
        }

        return files.Count == 0 ? Failed(directory, "no policy files (*.yaml, *.yml) in this folder") : LoadFiles(files, directory);
    }

    /// <summary>Loads exactly <paramref name="files"/>; they are read, hashed and reported in ordinal order of their paths.</summary>
    public static PolicyLoadResult LoadFiles(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Count == 0 ? Failed("(no files)", "no policy files given") : LoadFiles(files, files[0]);
    }

    private static PolicyLoadResult LoadFiles(IReadOnlyList<string> files, string setLocation)
    {
        var ordered = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var errors = new List<ImportProblem>();
        var contents = new List<KeyValuePair<string, byte[]>>(ordered.Count);
        var documents = new PolicyDocuments();
        foreach (var file in ordered)
        {
            if (PolicyFileReader.Read(file, errors, documents) is { } bytes)
            {
                contents.Add(new(file, bytes));
            }
        }

        var targets = documents.CheckSet(setLocation, errors);
        var waivers = documents.CheckWaiverRules(errors);
        var engine = errors.Count == 0 && targets is not null && waivers is not null
            ? Compiled(new PolicySet([.. documents.Policies.Select(draft => draft.Policy)], targets, PolicySet.HashOf(contents)) { Waivers = waivers }, errors)
            : null;
        return new PolicyLoadResult(errors.Count == 0 ? engine?.Set : null, [.. Ordered(errors)], ordered) { Engine = errors.Count == 0 ? engine : null };
    }

    /// <summary>
    /// The loader checks every rule where it can name the place; compiling guards the rules against drifting apart, reports
    /// at the policy any rule only the engine knows, and gives the caller the compiled engine it would otherwise build again.
    /// </summary>
    private static PolicyEngine? Compiled(PolicySet set, List<ImportProblem> errors)
    {
        try
        {
            return PolicyEngine.Compile(set);
        }
        catch (InvalidPolicyException exception)
        {
            var source = set.Policies.First(policy => policy.Id == exception.PolicyId).Source!;
            errors.Add(new ImportProblem(new SourceLocation(source.File, source.Line, source.Column), "when", exception.Problem));
            return null;
        }
    }

    private static IEnumerable<PolicyProblem> Ordered(List<ImportProblem> errors) =>
        errors
            .OrderBy(error => error.Location.File, StringComparer.Ordinal)
            .ThenBy(error => error.Location.Line)
            .ThenBy(error => error.Location.Column)
            .Select(error => new PolicyProblem(
                error.Location.File,
                error.Location.Line,
                error.Location.Column,
                error.Field.Length == 0 ? error.Message : $"{error.Field}: {error.Message}"));

    private static PolicyLoadResult Failed(string location, string message) =>
        new(null, [new PolicyProblem(location, 1, 1, message)], []);
}
