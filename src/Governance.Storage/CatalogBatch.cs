using Governance.Domain;
using Governance.Domain.Commands;

namespace Governance.Storage;

/// <summary>A whole catalog import: service and entity definitions applied together or not at all.</summary>
public sealed record CatalogBatch(IReadOnlyList<DefineService> Services, IReadOnlyList<DefineEntity> Entities);

/// <summary>What a batch did, or would do, to one subject.</summary>
public enum ChangeKind
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>One definition's effect: the subject, the kind of change, the version after it, and the rules it broke.</summary>
public sealed record SubjectChange(string Subject, ChangeKind Kind, long Version, IReadOnlyList<FieldError> Errors);

/// <summary>Every definition's effect, in batch order, and whether the batch was written (false on a rejection or a dry run).</summary>
public sealed record BatchResult(IReadOnlyList<SubjectChange> Changes, bool Applied)
{
    public int Created => Count(ChangeKind.Created);

    public int Updated => Count(ChangeKind.Updated);

    public int Unchanged => Count(ChangeKind.Unchanged);

    public int Rejected => Count(ChangeKind.Rejected);

    private int Count(ChangeKind kind) => Changes.Count(change => change.Kind == kind);
}
