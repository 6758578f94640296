namespace Governance.Storage;

/// <summary>Which services to list; every filter left null matches all.</summary>
public sealed record ServiceQuery(string? Owner = null, int? Tier = null)
{
    public static readonly ServiceQuery All = new();
}
