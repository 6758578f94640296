namespace Governance.Domain.Policies;

/// <summary>Reads one fact from the evaluation context; bound to a fact once, when a policy compiles.</summary>
internal abstract class FactAccessor
{
    public abstract bool IsKnown(FactContext context);

    /// <summary>The value as evidence shows it; null when unknown.</summary>
    public abstract string? Format(FactContext context, FactType type);
}

/// <summary>A number, bool, unit of failure or date, held as a number (see <see cref="FactValue"/>).</summary>
internal sealed class ValueAccessor(Func<FactContext, double?> read) : FactAccessor
{
    public Func<FactContext, double?> Read { get; } = read;

    public override bool IsKnown(FactContext context) => Read(context).HasValue;

    public override string? Format(FactContext context, FactType type) => Read(context) is { } value ? FactValue.Format(type, value) : null;
}

/// <summary>A text fact; empty text counts as unknown.</summary>
internal sealed class TextAccessor(Func<FactContext, string?> read) : FactAccessor
{
    public Func<FactContext, string?> Read { get; } = read;

    public override bool IsKnown(FactContext context) => !string.IsNullOrEmpty(Read(context));

    public override string? Format(FactContext context, FactType type) => Read(context) is { Length: > 0 } text ? text : null;
}

/// <summary>A list of text read item by item, so that enumeration lists need no conversion per evaluation.</summary>
internal sealed class ListAccessor(Func<FactContext, int> count, Func<FactContext, int, string> item) : FactAccessor
{
    public override bool IsKnown(FactContext context) => count(context) > 0;

    public bool Contains(FactContext context, string value)
    {
        var n = count(context);
        for (var i = 0; i < n; i++)
        {
            if (string.Equals(item(context, i), value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public override string? Format(FactContext context, FactType type)
    {
        var n = count(context);
        return n == 0 ? null : $"[{string.Join(", ", Enumerable.Range(0, n).Select(i => item(context, i)))}]";
    }
}

/// <summary>A fact's description and how to read it: the catalog's single source for both.</summary>
internal sealed record FactDefinition(FactDescription Description, FactAccessor Accessor);
