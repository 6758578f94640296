using Governance.Domain.Policies;
using Governance.Integrations.Policies;

namespace Governance.Application.Auditing;

/// <summary>A policy folder that does not load; its message lists every problem as file:line:column.</summary>
public sealed class PolicySetInvalidException(string directory, IReadOnlyList<PolicyProblem> problems)
    : Exception($"the policies in {directory} do not load ({problems.Count} problem(s)):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<PolicyProblem> Problems { get; } = problems;
}

/// <summary>Where the policies are, and loading them: the folder named, else ./policies, else the set shipped beside the program.</summary>
public static class PolicyFolder
{
    public const string FolderName = "policies";

    /// <summary>The policy folder to use when <paramref name="configured"/> (an option or setting) may be empty.</summary>
    public static string Resolve(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? Path.GetFullPath(configured)
        : Directory.Exists(FolderName) ? Path.GetFullPath(FolderName)
        : Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>Loads and compiles the policy set in <paramref name="directory"/>, or throws with every problem found.</summary>
    public static PolicyEngine Load(string directory)
    {
        var loaded = PolicyLoader.Load(directory);
        return loaded.Engine ?? throw new PolicySetInvalidException(directory, loaded.Errors);
    }
}
