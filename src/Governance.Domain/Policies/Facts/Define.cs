using System.Reflection;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Domain.Policies;

/// <summary>Short ways to define a fact of each type with its accessor.</summary>
internal static class Define
{
    public static FactDefinition Text(string name, FactScope scope, string meaning, Func<FactContext, string?> read) =>
        new(new FactDescription(name, FactType.Text, scope, meaning), new TextAccessor(read));

    public static FactDefinition Number(string name, FactScope scope, string meaning, Func<FactContext, int?> read, string unknownAs = "unknown") =>
        new(new FactDescription(name, FactType.Number, scope, meaning) { UnknownAs = unknownAs }, new ValueAccessor(read, Converter(nameof(FromInt))));

    public static FactDefinition Bool(string name, FactScope scope, string meaning, Func<FactContext, bool?> read) =>
        new(new FactDescription(name, FactType.Bool, scope, meaning), new ValueAccessor(read, Converter(nameof(FromBool))));

    public static FactDefinition Unit(string name, FactScope scope, string meaning, Func<FactContext, UnitOfFailure?> read) =>
        new(new FactDescription(name, FactType.Unit, scope, meaning), new ValueAccessor(read, Converter(nameof(FromUnit))));

    public static FactDefinition Date(string name, FactScope scope, string meaning, Func<FactContext, DateOnly?> read) =>
        new(new FactDescription(name, FactType.Date, scope, meaning), new ValueAccessor(read, Converter(nameof(FromDate))));

    public static FactDefinition List(string name, FactScope scope, string meaning, Func<FactContext, IReadOnlyList<string>> read) =>
        new(new FactDescription(name, FactType.List, scope, meaning), new ListAccessor(c => read(c).Count, (c, i) => read(c)[i]));

    public static FactDefinition Enums<T>(string name, FactScope scope, string meaning, Func<FactContext, IReadOnlyList<T>> read)
        where T : struct, Enum =>
        new(new FactDescription(name, FactType.List, scope, meaning), new ListAccessor(c => read(c).Count, (c, i) => KebabNames<T>.Of(read(c)[i])));

    // The conversions to the number every value type is held as (see FactValue); compiled conditions call them inline.
    internal static double? FromInt(int? value) => value;

    internal static double? FromBool(bool? value) => value is { } known ? known ? 1 : 0 : null;

    internal static double? FromUnit(UnitOfFailure? value) => value is { } known ? (int)known : null;

    internal static double? FromDate(DateOnly? value) => value?.DayNumber;

    private static MethodInfo Converter(string name) => typeof(Define).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!;
}
