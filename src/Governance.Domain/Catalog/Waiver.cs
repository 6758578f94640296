using System.Text.Json.Serialization;

namespace Governance.Domain.Catalog;

/// <summary>Where a waiver stands: asked for, approved by someone other than its requester, or turned down.</summary>
public enum WaiverStatus
{
    Requested,
    Approved,
    Rejected,
}

/// <summary>
/// An accepted risk, or a request to accept one: a trait a service may have, why, until when, who asked and who decided.
/// Only an approved waiver changes a service's risk.
/// </summary>
public sealed record Waiver(string TraitId, string Justification, string Approver, DateOnly Expires)
{
    // Built empty and filled by the serializer: twice as fast as through the positional constructor.
    [JsonConstructor]
    internal Waiver()
        : this(default!, default!, default!, default!)
    {
    }

    /// <summary>Approved unless the JSON says otherwise: waivers stored before requests existed were all granted in one step.</summary>
    public WaiverStatus Status { get; init; } = WaiverStatus.Approved;

    /// <summary>When it was approved; null while requested and once rejected.</summary>
    public DateTimeOffset? GrantedAt { get; init; }

    /// <summary>Who asked for the waiver: never its approver. Null on waivers recorded before requesters were kept.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>When it was asked for. Null on waivers recorded before requests existed.</summary>
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>Who approved (the <see cref="Approver"/>) or rejected it; null while requested and on waivers recorded before requests existed.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>When it was approved or rejected; null while requested and on waivers recorded before requests existed.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Why it was rejected (always given) or approved (optional).</summary>
    public string? DecisionReason { get; init; }

    /// <summary>When the product recorded that the waiver had expired; null until then (recorded once).</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; init; }

    [JsonIgnore]
    public bool IsApproved => Status == WaiverStatus.Approved;

    /// <summary>The first day the waiver no longer applies: its deadline.</summary>
    [JsonIgnore]
    public DateOnly LapsesOn => Expires.AddDays(1);

    /// <summary>An approved waiver applies up to and including its expiry day; a request or a rejection never does.</summary>
    public bool AppliesOn(DateOnly day) => IsApproved && day <= Expires;
}
