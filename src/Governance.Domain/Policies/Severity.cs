namespace Governance.Domain.Policies;

/// <summary>How bad a risk trait is when it bites.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>What a risk trait is about.</summary>
public enum PolicyCategory
{
    UnitsOfFailure,
    Dependencies,
    Capacity,
    Change,
    Observability,
    Data,
    Recovery,
    Process,
}

/// <summary>The weight of each severity in a risk score.</summary>
public static class SeverityWeights
{
    public static int Of(Severity severity) => severity switch
    {
        Severity.Critical => 10,
        Severity.High => 5,
        Severity.Medium => 2,
        _ => 1,
    };
}
