using Governance.Domain.Serialization;

namespace Governance.Cli.Infrastructure;

/// <summary>Enumeration values as the files and JSON write them: kebab-case.</summary>
public static class Names
{
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => KebabNames<TEnum>.Of(value);
}
