namespace Governance.Domain.Policies;

/// <summary>Policy data on accepting risk: a waiver ends at most <see cref="MaxDays"/> days after the day it is granted.</summary>
public sealed record WaiverRules(int MaxDays)
{
    public const int DefaultMaxDays = 365;

    /// <summary>The rules of a policy set that does not state its own.</summary>
    public static readonly WaiverRules Default = new(DefaultMaxDays);
}
