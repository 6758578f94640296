using System.Text.Json;

namespace Governance.Cli.Infrastructure;

/// <summary>Enumeration values as the files and JSON write them: kebab-case.</summary>
public static class Names
{
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
