using Governance.Domain.Catalog;

namespace Governance.Domain.Policies;

/// <summary>Short ways to define a fact of each type with its accessor.</summary>
internal static class Define
{
    public static FactDefinition Text(string name, FactScope scope, string meaning, Func<FactContext, string?> read) =>
        new(new FactDescription(name, FactType.Text, scope, meaning), new TextAccessor(read));

    public static FactDefinition Number(string name, FactScope scope, string meaning, Func<FactContext, int?> read, string unknownAs = "unknown") =>
        new(new FactDescription(name, FactType.Number, scope, meaning) { UnknownAs = unknownAs }, new ValueAccessor(c => read(c)));

    public static FactDefinition Bool(string name, FactScope scope, string meaning, Func<FactContext, bool?> read) =>
        new(new FactDescription(name, FactType.Bool, scope, meaning), new ValueAccessor(c => read(c) is { } value ? value ? 1 : 0 : null));

    public static FactDefinition Unit(string name, FactScope scope, string meaning, Func<FactContext, UnitOfFailure?> read) =>
        new(new FactDescription(name, FactType.Unit, scope, meaning), new ValueAccessor(c => read(c) is { } unit ? (int)unit : null));

    public static FactDefinition Date(string name, FactScope scope, string meaning, Func<FactContext, DateOnly?> read) =>
        new(new FactDescription(name, FactType.Date, scope, meaning), new ValueAccessor(c => read(c)?.DayNumber));

    public static FactDefinition List(string name, FactScope scope, string meaning, Func<FactContext, IReadOnlyList<string>> read) =>
        new(new FactDescription(name, FactType.List, scope, meaning), new ListAccessor(c => read(c).Count, (c, i) => read(c)[i]));

    public static FactDefinition Enums<T>(string name, FactScope scope, string meaning, Func<FactContext, IReadOnlyList<T>> read)
        where T : struct, Enum =>
        new(new FactDescription(name, FactType.List, scope, meaning), new ListAccessor(c => read(c).Count, (c, i) => KebabNames<T>.Of(read(c)[i])));
}
