using System.Text.Json;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Storage.Browsing;

/// <summary>How the enumerations that queries filter on are written in their columns: the kebab-case names the state's JSON uses.</summary>
internal static class ColumnText
{
    public static string? Exposure(Footprint? footprint) => footprint is null ? null : Name(footprint.Exposure);

    public static UnitOfFailure? ParseExposure(string? text) => text is null ? null : Parse<UnitOfFailure>(text);

    public static string Level(RiskLevel level) => Name(level);

    public static RiskLevel ParseLevel(string text) => Parse<RiskLevel>(text);

    public static string Status(RemediationStatus status) => Name(status);

    public static string Status(WaiverStatus status) => Name(status);

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
            ? value
            : throw new InvalidOperationException($"the store holds '{text}', not a {typeof(TEnum).Name}");
}
