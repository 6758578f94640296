using Governance.Domain.Serialization;

namespace Governance.Server.Pages;

/// <summary>How pages write values: enumeration values as the files and the CLI write them (kebab-case).</summary>
public static class Display
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => KebabNames<TEnum>.Of(value);
}
