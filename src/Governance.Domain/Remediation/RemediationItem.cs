using System.Text.Json.Serialization;

namespace Governance.Domain.Remediation;

/// <summary>How urgent a remediation item is.</summary>
public enum Priority
{
    Critical,
    High,
    Medium,
    Low,
}

/// <summary>Where a remediation item stands.</summary>
public enum RemediationStatus
{
    Open,
    InProgress,
    Done,
    WontDo,
}

/// <summary>Short-term work, or a longer-term initiative (over 180 days, seed 002).</summary>
public enum RemediationTerm
{
    ShortTerm,
    LongerTerm,
}

/// <summary>One improvement to one service, usually opened by an incident's remediation programme.</summary>
public sealed record RemediationItem(string Id, string Title)
{
    // Built empty and filled by the serializer: twice as fast as through the positional constructor.
    [JsonConstructor]
    internal RemediationItem()
        : this(default!, default!)
    {
    }

    public const int LongerTermDays = 180;

    public string? Description { get; init; }

    /// <summary>The programme (usually an incident's) the item belongs to.</summary>
    public string? Programme { get; init; }

    public string? Owner { get; init; }

    public Priority Priority { get; init; } = Priority.Medium;

    public RemediationStatus Status { get; init; } = RemediationStatus.Open;

    public DateOnly OpenedOn { get; init; }

    public Quarter? TargetQuarter { get; init; }

    public DateOnly? Eta { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the product recorded that the item was overdue; null until then, and again once its ETA moves.</summary>
    public DateTimeOffset? OverdueRecordedAt { get; init; }

    /// <summary>The wording customers read in the quarterly update; null keeps the item internal.</summary>
    public string? CustomerFacing { get; init; }

    /// <summary>The item names a customer or their data: a viewer sees that it exists and where it stands, not what it says.</summary>
    public bool CustomerRestricted { get; init; }

    /// <summary>The date the item is due: its ETA, else the last day of its target quarter.</summary>
    [JsonIgnore]
    public DateOnly? DueOn => Eta ?? TargetQuarter?.LastDay;

    /// <summary>Whether work on the item is still expected: open or in progress.</summary>
    [JsonIgnore]
    public bool IsOutstanding => Status is RemediationStatus.Open or RemediationStatus.InProgress;

    /// <summary>The first day an outstanding item is late: the day after it is due; null when it has no due date.</summary>
    [JsonIgnore]
    public DateOnly? OverdueFrom => DueOn?.AddDays(1);

    /// <summary>Longer-term when due more than 180 days after it was opened.</summary>
    [JsonIgnore]
    public RemediationTerm Term => DueOn is { } due && due.DayNumber - OpenedOn.DayNumber > LongerTermDays
        ? RemediationTerm.LongerTerm
        : RemediationTerm.ShortTerm;

    /// <summary>Checks the item's own rules; <paramref name="path"/> prefixes field names.</summary>
    public IEnumerable<FieldError> Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            yield return new FieldError($"{path}.id", "is required");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            yield return new FieldError($"{path}.title", "is required");
        }

        if (Status == RemediationStatus.Done && CompletedAt is null)
        {
            yield return new FieldError($"{path}.completedAt", "is required when status is done");
        }

        if (Status != RemediationStatus.Done && CompletedAt is not null)
        {
            yield return new FieldError($"{path}.completedAt", $"is only for done items; status is {Status}");
        }

        if (Eta is { } eta && eta < OpenedOn)
        {
            yield return new FieldError($"{path}.eta", $"cannot be before openedOn ({OpenedOn:yyyy-MM-dd}), was {eta:yyyy-MM-dd}");
        }
    }
}
