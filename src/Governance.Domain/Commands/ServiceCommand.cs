using System.Text.Json.Serialization;
using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Domain.Commands;

/// <summary>A change asked of one service aggregate; its name is what the history records.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(DefineService), DefineService.CommandName)]
[JsonDerivedType(typeof(OpenRemediationItem), OpenRemediationItem.CommandName)]
[JsonDerivedType(typeof(ChangeRemediationStatus), ChangeRemediationStatus.CommandName)]
[JsonDerivedType(typeof(ChangeRemediationItem), ChangeRemediationItem.CommandName)]
[JsonDerivedType(typeof(WaiveTrait), WaiveTrait.CommandName)]
[JsonDerivedType(typeof(RequestWaiver), RequestWaiver.CommandName)]
[JsonDerivedType(typeof(ApproveWaiver), ApproveWaiver.CommandName)]
[JsonDerivedType(typeof(RejectWaiver), RejectWaiver.CommandName)]
[JsonDerivedType(typeof(RevokeWaiver), RevokeWaiver.CommandName)]
[JsonDerivedType(typeof(RecordWaiverExpired), RecordWaiverExpired.CommandName)]
[JsonDerivedType(typeof(RecordItemOverdue), RecordItemOverdue.CommandName)]
public abstract record ServiceCommand
{
    [JsonIgnore]
    public abstract string Name { get; }
}

/// <summary>How a definition treats what the service already holds.</summary>
public enum DefinitionMode
{
    /// <summary>The definition is the whole truth: sections it leaves out become unknown (the fleet format).</summary>
    Replace,

    /// <summary>The definition knows only some facts: what it leaves out is kept, edge attributes included (Backstage).</summary>
    Merge,
}

/// <summary>Creates or redefines a service from a catalog. Remediation items are added or updated by id, never removed.</summary>
public sealed record DefineService(ServiceProfile Profile) : ServiceCommand
{
    public const string CommandName = "define-service";

    public override string Name => CommandName;

    public DefinitionMode Mode { get; init; } = DefinitionMode.Replace;

    public Footprint? Footprint { get; init; }

    public IReadOnlyList<DataStore>? DataStores { get; init; }

    public OperationalFacts? Facts { get; init; }

    public IReadOnlyList<Dependency>? Dependencies { get; init; }

    public IReadOnlyList<RemediationItem>? RemediationItems { get; init; }
}

/// <summary>Adds a remediation item to the service.</summary>
public sealed record OpenRemediationItem(RemediationItem Item) : ServiceCommand
{
    public const string CommandName = "open-remediation-item";

    public override string Name => CommandName;
}

/// <summary>Moves a remediation item to another status; done records the completion time.</summary>
public sealed record ChangeRemediationStatus(string ItemId, RemediationStatus Status) : ServiceCommand
{
    public const string CommandName = "change-remediation-status";

    public override string Name => CommandName;
}

/// <summary>Changes a remediation item's status, owner or ETA: the fields given change, the others stay.</summary>
public sealed record ChangeRemediationItem(string ItemId) : ServiceCommand
{
    public const string CommandName = "change-remediation-item";

    public override string Name => CommandName;

    public RemediationStatus? Status { get; init; }

    public string? Owner { get; init; }

    public DateOnly? Eta { get; init; }
}

/// <summary>
/// Accepts a risk trait on the service until a date in one step, asked by the actor and approved by the person the waiver
/// names (the embedded single-operator CLI); replaces an earlier waiver of the same trait.
/// </summary>
public sealed record WaiveTrait(Waiver Waiver) : ServiceCommand
{
    public const string CommandName = "waive-trait";

    public override string Name => CommandName;
}

/// <summary>
/// Asks, as the actor, for a risk trait on the service to be accepted until a date; it counts only once someone else
/// approves it. Replaces an earlier request, rejection or expired waiver of the trait, never one that still applies.
/// </summary>
public sealed record RequestWaiver(string TraitId, string Justification, DateOnly Expires) : ServiceCommand
{
    public const string CommandName = "request-waiver";

    public override string Name => CommandName;
}

/// <summary>Approves the requested waiver of a trait: the actor is its approver and must not be its requester.</summary>
public sealed record ApproveWaiver(string TraitId, string? Reason = null) : ServiceCommand
{
    public const string CommandName = "approve-waiver";

    public override string Name => CommandName;
}

/// <summary>Turns down the requested waiver of a trait, saying why; its requester rejecting it withdraws it.</summary>
public sealed record RejectWaiver(string TraitId, string Reason) : ServiceCommand
{
    public const string CommandName = "reject-waiver";

    public override string Name => CommandName;
}

/// <summary>Withdraws an approved waiver of a trait before it expires.</summary>
public sealed record RevokeWaiver(string TraitId) : ServiceCommand
{
    public const string CommandName = "revoke-waiver";

    public override string Name => CommandName;
}

/// <summary>Records, once, that a waiver has expired: from then on the trait counts again.</summary>
public sealed record RecordWaiverExpired(string TraitId) : ServiceCommand
{
    public const string CommandName = "record-waiver-expired";

    public override string Name => CommandName;
}

/// <summary>Records, once, that an outstanding remediation item is past its due date.</summary>
public sealed record RecordItemOverdue(string ItemId) : ServiceCommand
{
    public const string CommandName = "record-item-overdue";

    public override string Name => CommandName;
}
