using System.Text.Json.Serialization;
using Governance.Domain.Catalog;
using Governance.Domain.Policies;

namespace Governance.Domain.Audit;

/// <summary>How risky a service is overall.</summary>
public enum RiskLevel
{
    None,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>One fact, and its value, that made a condition true; <see cref="Item"/> names the edge or store for collection facts.</summary>
public sealed record Evidence(string Fact, string Value, string? Item = null)
{
    // Built empty and filled by the serializer: twice as fast as through the positional constructor.
    [JsonConstructor]
    internal Evidence()
        : this(default!, default!, default!)
    {
    }

    public override string ToString() => Item is null ? $"{Fact} = {Value}" : $"{Item}: {Fact} = {Value}";
}

/// <summary>A risk trait a service has at one audit, why, and the waiver that excuses it, if any.</summary>
public sealed record TraitFinding(string PolicyId, string Title, PolicyCategory Category, Severity Severity, IReadOnlyList<Evidence> Evidence)
{
    // Built empty and filled by the serializer: twice as fast as through the positional constructor.
    [JsonConstructor]
    internal TraitFinding()
        : this(default!, default!, default!, default!, default!)
    {
    }

    public Waiver? Waiver { get; init; }

    public bool IsWaived => Waiver is not null;
}

/// <summary>One service's traits at one audit, with its score and level.</summary>
public sealed record RiskProfile(string ServiceId, IReadOnlyList<TraitFinding> Traits)
{
    public const int CriticalFrom = 20;
    public const int HighFrom = 10;
    public const int MediumFrom = 4;

    /// <summary>The sum of the unwaived traits' severity weights.</summary>
    public int Score => Traits.Where(trait => !trait.IsWaived).Sum(trait => SeverityWeights.Of(trait.Severity));

    public RiskLevel Level => LevelOf(Score);

    /// <summary>The level of a score.</summary>
    public static RiskLevel LevelOf(int score) => score switch
    {
        >= CriticalFrom => RiskLevel.Critical,
        >= HighFrom => RiskLevel.High,
        >= MediumFrom => RiskLevel.Medium,
        > 0 => RiskLevel.Low,
        _ => RiskLevel.None,
    };

    /// <summary>The lowest and the highest score of <paramref name="level"/>.</summary>
    public static (int Lowest, int Highest) ScoresOf(RiskLevel level) => level switch
    {
        RiskLevel.Critical => (CriticalFrom, int.MaxValue),
        RiskLevel.High => (HighFrom, CriticalFrom - 1),
        RiskLevel.Medium => (MediumFrom, HighFrom - 1),
        RiskLevel.Low => (1, MediumFrom - 1),
        _ => (0, 0),
    };
}
