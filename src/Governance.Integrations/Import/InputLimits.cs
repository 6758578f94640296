using System.Globalization;

namespace Governance.Integrations.Import;

/// <summary>
/// The limits every reader of outside input keeps — catalog files (the fleet format, Backstage), policy files and the API's
/// bodies read as the fleet format — so that no input can exhaust the stack, the memory or the time of a process. Input over
/// a limit is refused with an error naming its file, line, column and field; README's import section lists them.
/// </summary>
public static class InputLimits
{
    /// <summary>Lists and mappings inside one another. The fleet format needs five, a policy condition a few per level; JSON bodies bound to types get the same (System.Text.Json's default).</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Documents (separated by <c>---</c>) in one file; a catalog that needs more is split into files.</summary>
    public const int MaxDocumentsPerFile = 100_000;

    /// <summary>Bytes in one file: 256 MiB, about 200,000 services of the fleet format in one file.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Characters in one text value (a scalar, or a mapping key): 64 Ki, far beyond any description or URL.</summary>
    public const int MaxScalarLength = 64 * 1024;

    /// <summary>
    /// Aliases (<c>*name</c>) share the node they name rather than copying it, but a reader walks it at each use: in one
    /// document, all uses together may stand for at most this many times the nodes the document writes out ...
    /// </summary>
    public const int MaxAliasExpansionFactor = 10;

    /// <summary>... or this many nodes, whichever is more, so that a small document may use its anchors freely.</summary>
    public const int MinAliasExpansionAllowance = 100_000;

    /// <summary>Conditions inside one another in a policy's <c>when</c> (all, any, not, where); the shipped policies need five.</summary>
    public const int MaxConditionDepth = 16;

    /// <summary>Conditions in one policy's <c>when</c>, counting every use of an alias.</summary>
    public const int MaxConditionsPerPolicy = 1_000;

    /// <summary>A byte count for messages: 256 MiB rather than 268435456, and every byte of a count that is not whole MiB.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        > 0 when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };

    /// <summary>A count for messages, with thousands separated the same on every machine: 100,000.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>Input over one of the <see cref="InputLimits"/>, where it goes over: line and column in the text, and the field as written.</summary>
internal sealed class InputLimitException(int line, int column, string field, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Field { get; } = field;
}
