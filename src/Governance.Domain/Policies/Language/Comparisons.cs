namespace Governance.Domain.Policies;

/// <summary>How a fact is compared with a value.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessThan,
    AtMost,
    GreaterThan,
    AtLeast,
    In,
    NotIn,

    /// <summary>A date lies further back than a duration before the audit.</summary>
    OlderThan,

    /// <summary>A date lies no further back than a duration before the audit.</summary>
    Within,

    /// <summary>A list holds a value.</summary>
    Contains,
}

/// <summary>The comparisons' keywords and which of them fit which type of fact.</summary>
public static class Comparisons
{
    private static readonly string[] _keywords =
        ["equals", "notEquals", "lessThan", "atMost", "greaterThan", "atLeast", "in", "notIn", "olderThan", "within", "contains"];

    private static readonly ComparisonOperator[] _ordered =
    [
        ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.LessThan, ComparisonOperator.AtMost,
        ComparisonOperator.GreaterThan, ComparisonOperator.AtLeast, ComparisonOperator.In, ComparisonOperator.NotIn,
    ];

    // Dates are ordered too, but a set of days is not a useful thing to write: durations say it better.
    private static readonly ComparisonOperator[] _dates = [.. _ordered[..6], ComparisonOperator.OlderThan, ComparisonOperator.Within];
    private static readonly ComparisonOperator[] _texts = [ComparisonOperator.Equal, ComparisonOperator.NotEqual, ComparisonOperator.In, ComparisonOperator.NotIn];
    private static readonly ComparisonOperator[] _bools = [ComparisonOperator.Equal, ComparisonOperator.NotEqual];
    private static readonly ComparisonOperator[] _lists = [ComparisonOperator.Contains];

    /// <summary>Every keyword, in the order the spec lists them.</summary>
    public static IReadOnlyList<string> Keywords => _keywords;

    public static string Keyword(ComparisonOperator op) => _keywords[(int)op];

    public static bool TryParse(string keyword, out ComparisonOperator op)
    {
        var index = Array.IndexOf(_keywords, keyword);
        op = (ComparisonOperator)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The comparisons a fact of <paramref name="type"/> allows.</summary>
    public static IReadOnlyList<ComparisonOperator> For(FactType type) => type switch
    {
        FactType.Number or FactType.Unit => _ordered,
        FactType.Date => _dates,
        FactType.Text => _texts,
        FactType.Bool => _bools,
        FactType.List => _lists,
        _ => [],
    };

    public static bool Fits(ComparisonOperator op, FactType type) => For(type).Contains(op);

    /// <summary>The type of value <paramref name="op"/> takes on a fact of <paramref name="factType"/> (the items' type for in/notIn).</summary>
    public static FactType OperandType(ComparisonOperator op, FactType factType) => op switch
    {
        ComparisonOperator.OlderThan or ComparisonOperator.Within => FactType.Duration,
        ComparisonOperator.Contains => FactType.Text,
        _ => factType,
    };

    /// <summary>True for the comparisons whose value is a list.</summary>
    public static bool TakesList(ComparisonOperator op) => op is ComparisonOperator.In or ComparisonOperator.NotIn;

    /// <summary>The type in words, for error messages.</summary>
    public static string Describe(FactType type) => type switch
    {
        FactType.Bool => "true/false",
        FactType.Unit => "unit-of-failure",
        _ => type.ToString().ToLowerInvariant(),
    };
}
