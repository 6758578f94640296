using Governance.Domain.Policies;
using Governance.Integrations.Policies;

namespace Governance.Policies.Tests.Support;

/// <summary>A temporary folder of policy files, deleted after the test; and one-policy sets written from a condition.</summary>
public sealed class PolicyFiles : IDisposable
{
    public const string TierTargets = """
        apiVersion: governance/v1
        kind: TierTargets
        tiers:
          - { tier: 0, rtoMinutes: 15, rpoMinutes: 1, mustSurvive: region }
          - { tier: 1, rtoMinutes: 60, rpoMinutes: 15, mustSurvive: zone }
          - { tier: 2, rtoMinutes: 240, rpoMinutes: 60, mustSurvive: zone }
          - { tier: 3, rtoMinutes: 1440, rpoMinutes: 1440, mustSurvive: host }
        """;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("governance-policies-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public PolicyLoadResult Load() => PolicyLoader.Load(Directory);

    /// <summary>A set of tier targets and one policy <c>test</c> with <paramref name="when"/> (YAML, indented as under <c>when:</c>).</summary>
    public static PolicySet With(string when, string appliesTo = "", Severity severity = Severity.High)
    {
        using var files = new PolicyFiles();
        files.Write("tier-targets.yaml", TierTargets);
        files.Write("test.yaml", Policy("test", when, appliesTo, severity));
        var result = files.Load();
        return result.Set ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    /// <summary>A policy document; <paramref name="when"/> and <paramref name="appliesTo"/> are YAML as written under their keys.</summary>
    public static string Policy(string id, string when, string appliesTo = "", Severity severity = Severity.High)
    {
        var selector = appliesTo.Length == 0 ? string.Empty : $"appliesTo:\n{Indent(appliesTo)}\n";
        return $"""
            apiVersion: governance/v1
            kind: Policy
            id: {id}
            title: Test {id}
            category: dependencies
            severity: {severity.ToString().ToLowerInvariant()}
            rationale: Because.
            fix: Fix it.

            """ + selector + $"when:\n{Indent(when)}\n";
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Indent(string yaml) => string.Join('\n', yaml.Trim('\n').Split('\n').Select(line => "  " + line));
}
