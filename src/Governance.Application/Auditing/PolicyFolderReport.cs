using System.Globalization;
using Governance.Domain.Policies;
using Governance.Integrations.Policies;

namespace Governance.Application.Auditing;

/// <summary>
/// The policy set a server judges by beside what its folder holds now. The server's service pages keep the set loaded
/// when it started; each fleet audit loads the folder afresh, so an edited folder differs until the next restart, and a
/// broken one fails the next audit (its problems as <c>governance policies validate</c> reports them).
/// </summary>
public sealed record PolicyFolderReport(string Directory, PolicySet Loaded, PolicyLoadResult Folder)
{
    /// <summary>The folder loads, but into another set than the one loaded at start.</summary>
    public bool FolderDiffers => Folder.Set is { } set && set.Hash != Loaded.Hash;

    /// <summary>The loaded policies in the order <c>governance policies list</c> prints them: by category, then id.</summary>
    public IEnumerable<Policy> Policies => Loaded.Policies.OrderBy(policy => policy.Category).ThenBy(policy => policy.Id, StringComparer.Ordinal);

    /// <summary>Reads <paramref name="directory"/> now, to set it beside <paramref name="loaded"/>.</summary>
    public static PolicyFolderReport Inspect(string directory, PolicySet loaded) => new(directory, loaded, PolicyLoader.Load(directory));
}

/// <summary>How a policy's selector reads, for the CLI's list and the policies page alike.</summary>
public static class PolicyText
{
    /// <summary>The services a policy applies to: <c>all services</c>, or each list it names (<c>tiers 0, 1; teams payments</c>).</summary>
    public static string AppliesTo(PolicySelector selector)
    {
        var parts = new List<string>();
        Add(parts, "tiers", selector.Tiers?.Select(tier => tier.ToString(CultureInfo.InvariantCulture)));
        Add(parts, "lifecycles", selector.Lifecycles);
        Add(parts, "teams", selector.Teams);
        Add(parts, "tags", selector.Tags);
        Add(parts, "kinds", selector.Kinds);
        return parts.Count == 0 ? "all services" : string.Join("; ", parts);
    }

    private static void Add(List<string> parts, string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            parts.Add($"{name} {string.Join(", ", values)}");
        }
    }
}
