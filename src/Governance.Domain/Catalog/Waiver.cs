namespace Governance.Domain.Catalog;

/// <summary>An accepted risk: a trait a service may have, why, who approved it, and until when.</summary>
public sealed record Waiver(string TraitId, string Justification, string Approver, DateOnly Expires)
{
    public DateTimeOffset GrantedAt { get; init; }

    /// <summary>A waiver applies up to and including its expiry day.</summary>
    public bool AppliesOn(DateOnly day) => day <= Expires;
}
