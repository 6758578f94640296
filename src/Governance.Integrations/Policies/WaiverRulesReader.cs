using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads the <c>kind: WaiverRules</c> document: <c>maxDays</c>, the longest a waiver may last, 1 to 3,650.</summary>
internal static class WaiverRulesReader
{
    private const int MostDays = 3650;
    private static readonly KeySet _keys = new("apiVersion", "kind", "maxDays");

    /// <summary>The rules, or null when the document has any error (each reported).</summary>
    public static WaiverRules? Read(FieldReader reader, YamlMapping root)
    {
        var before = reader.Errors.Count;
        reader.CheckKeys(root, string.Empty, _keys);
        var maxDays = reader.Require(root, "maxDays", string.Empty) ? reader.Int(root, "maxDays", string.Empty, "a whole number of days") : null;
        if (maxDays is < 1 or > MostDays)
        {
            reader.Error(root.Get("maxDays")!, "maxDays", $"must be between 1 and {MostDays} days, was {maxDays}");
        }

        return reader.Errors.Count == before && maxDays is { } days ? new WaiverRules(days) : null;
    }
}
