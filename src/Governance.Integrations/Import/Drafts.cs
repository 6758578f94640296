using Governance.Domain.Commands;

namespace Governance.Integrations.Import;

/// <summary>The kinds a <see cref="PendingReference"/> can point at besides the catalog's entity kinds.</summary>
internal static class ReferenceKinds
{
    public const string Service = "service";

    /// <summary>An API that must be defined as an API entity (Backstage providesApis), not merely provided by a service.</summary>
    public const string ApiEntity = "api-entity";
}

/// <summary>A reference from one imported definition to another thing that should exist (owner, system, dependency, API, …); its kind is an entity kind or a <see cref="ReferenceKinds"/> value.</summary>
internal sealed record PendingReference(string Kind, string Id, string Field, SourceLocation Location);

/// <summary>A definition on its way into the plan: what was read, what is wrong with it, what it refers to.</summary>
internal abstract class Draft(string subject, SourceLocation location, List<ImportProblem> errors)
{
    /// <summary><c>service:ID</c> or <c>KIND:ID</c> once the id is known; before that a positional label.</summary>
    public string Subject { get; set; } = subject;

    /// <summary>False when the id could not be read; such drafts take no part in duplicate checks.</summary>
    public bool HasId { get; set; }

    public SourceLocation Location { get; } = location;

    public List<ImportProblem> Errors { get; } = errors;

    /// <summary>Where the id is written and how the file names it, for duplicate-id errors.</summary>
    public (string Field, SourceLocation Location) IdSource { get; set; }

    public List<PendingReference> References { get; } = [];

    /// <summary>Adds an error unless one is already recorded for the same field (a missing id also fails the id rule).</summary>
    public void AddError(ImportProblem problem)
    {
        foreach (var existing in Errors)
        {
            if (existing.Field == problem.Field)
            {
                return;
            }
        }

        Errors.Add(problem);
    }
}

/// <summary>A service definition being imported.</summary>
internal sealed class ServiceDraft(string subject, SourceLocation location, List<ImportProblem> errors, DefineService command)
    : Draft(subject, location, errors)
{
    public DefineService Command { get; } = command;
}

/// <summary>A non-service entity definition being imported.</summary>
internal sealed class EntityDraft(string subject, SourceLocation location, List<ImportProblem> errors, DefineEntity command)
    : Draft(subject, location, errors)
{
    public DefineEntity Command { get; set; } = command;
}

/// <summary>A document that names no kind this importer knows; it can only be reported or skipped.</summary>
internal sealed class UnusableDraft(string subject, SourceLocation location, List<ImportProblem> errors) : Draft(subject, location, errors);
