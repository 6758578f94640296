namespace Governance.Storage;

/// <summary>Which services to list; every filter left null (or false) matches all. <paramref name="WithWaivers"/>: only services holding a waiver of any status.</summary>
public sealed record ServiceQuery(string? Owner = null, int? Tier = null, bool WithWaivers = false)
{
    public static readonly ServiceQuery All = new();
}
