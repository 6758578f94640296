namespace Governance.Integrations.Import;

/// <summary>Everything read from one file; it joins the plan only when the whole file parsed.</summary>
internal sealed class FileResult(string file)
{
    public string File { get; } = file;

    public List<ServiceDraft> Services { get; } = [];

    public List<EntityDraft> Entities { get; } = [];

    public List<UnusableDraft> Unusable { get; } = [];

    /// <summary>Problems with a document as a whole, which no entity can be skipped for.</summary>
    public List<ImportProblem> Errors { get; } = [];

    public List<ImportProblem> Warnings { get; } = [];

    /// <summary>Relations a Backstage group declares on other entities (children, members), settled once all files are read.</summary>
    public List<PendingRelation> Relations { get; } = [];

    /// <summary>Files that Location entities point at.</summary>
    public List<LocationTarget> Targets { get; } = [];

    public void Warn(SourceLocation location, string field, string message) => Warnings.Add(new ImportProblem(location, field, message));
}

/// <summary>How a relation declared on one entity changes another.</summary>
internal enum RelationKind
{
    /// <summary>The target group is a child of the source group.</summary>
    Child,

    /// <summary>The target user is a member of the source group.</summary>
    Member,
}

/// <summary>A relation waiting for its target to be known.</summary>
internal sealed record PendingRelation(RelationKind Kind, string SourceId, string TargetId, string Field, SourceLocation Location);

/// <summary>A file named by a Location entity.</summary>
internal sealed record LocationTarget(string Path, bool Optional, string Field, SourceLocation Location);
