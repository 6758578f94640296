using Governance.Domain.Commands;

namespace Governance.Integrations.Import;

/// <summary>A service definition read from a catalog file, ready to be applied to its aggregate.</summary>
public sealed record ImportedService(DefineService Command, SourceLocation Location);

/// <summary>A team, user, system, domain or API definition read from a catalog file.</summary>
public sealed record ImportedEntity(DefineEntity Command, SourceLocation Location);

/// <summary>An entity left out of the import because it is invalid (see <see cref="ImportOptions.SkipInvalid"/>).</summary>
public sealed record SkippedEntity(string Reference, SourceLocation Location, IReadOnlyList<ImportProblem> Problems);

/// <summary>How an import treats invalid entities, and which folder its files (and the files Locations lead to) must stay in.</summary>
public sealed record ImportOptions(bool SkipInvalid = false)
{
    /// <summary>When set, a Location target outside this folder is an error: an import of uploaded files reads nothing else on the machine.</summary>
    public string? ConfineTo { get; init; }
}
