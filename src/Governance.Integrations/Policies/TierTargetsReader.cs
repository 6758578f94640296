using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads the <c>kind: TierTargets</c> document: every tier 0–3 exactly once, with its RTO, RPO and the unit it must survive.</summary>
internal sealed class TierTargetsReader(FieldReader reader)
{
    private const int TierCount = ServiceProfile.LeastCriticalTier + 1;
    private static readonly KeySet _keys = new("apiVersion", "kind", "tiers");
    private static readonly KeySet _tierKeys = new("tier", "rtoMinutes", "rpoMinutes", "mustSurvive");

    /// <summary>The targets, or null when the document has any error (each reported).</summary>
    public TierTargets? Read(YamlMapping root)
    {
        var before = reader.Errors.Count;
        reader.CheckKeys(root, string.Empty, _keys);
        if (!reader.Require(root, "tiers", string.Empty) || reader.Sequence(root, "tiers", string.Empty) is not { } list)
        {
            return null;
        }

        var targets = new TierTarget?[TierCount];
        for (var i = 0; i < list.Items.Count; i++)
        {
            Tier(list.Items[i], $"tiers[{i}]", targets);
        }

        var missing = Enumerable.Range(0, TierCount).Where(tier => targets[tier] is null).ToList();
        if (missing.Count > 0 && reader.Errors.Count == before)
        {
            var names = string.Join(", ", missing);
            reader.Error(list, "tiers", $"tier {names} {(missing.Count == 1 ? "is" : "are")} missing: every tier 0–3 must be given exactly once");
        }

        return reader.Errors.Count == before ? new TierTargets([.. targets.OfType<TierTarget>()]) : null;
    }

    private void Tier(YamlNode node, string path, TierTarget?[] targets)
    {
        if (node is not YamlMapping map)
        {
            reader.Error(node, path, $"must be a mapping with tier, rtoMinutes, rpoMinutes and mustSurvive; was {node.Describe}");
            return;
        }

        var before = reader.Errors.Count;
        reader.CheckKeys(map, path, _tierKeys);
        var tier = Required(map, "tier", path, reader.Int);
        var rto = Minutes(map, "rtoMinutes", path);
        var rpo = Minutes(map, "rpoMinutes", path);
        var mustSurvive = reader.Require(map, "mustSurvive", path) ? reader.Enum<UnitOfFailure>(map, "mustSurvive", path) : null;
        if (mustSurvive == UnitOfFailure.None)
        {
            reader.Error(map.Get("mustSurvive")!, FieldReader.Join(path, "mustSurvive"), "must be host, zone, region or provider: no tier can survive every failure");
        }

        if (tier is < 0 or >= TierCount)
        {
            reader.Error(map.Get("tier")!, FieldReader.Join(path, "tier"), $"unknown tier {tier}; expected 0, 1, 2 or 3");
        }
        else if (tier is { } given && targets[given] is not null)
        {
            reader.Error(map.Get("tier")!, FieldReader.Join(path, "tier"), $"tier {given} is given twice: every tier 0–3 must be given exactly once");
        }
        else if (reader.Errors.Count == before && tier is { } valid)
        {
            targets[valid] = new TierTarget(valid, rto!.Value, rpo!.Value, mustSurvive!.Value);
        }
    }

    private int? Minutes(YamlMapping map, string key, string path)
    {
        var minutes = Required(map, key, path, reader.Int);
        if (minutes < 0)
        {
            reader.Error(map.Get(key)!, FieldReader.Join(path, key), $"cannot be negative, was {minutes}");
        }

        return minutes;
    }

    private int? Required(YamlMapping map, string key, string path, Func<YamlMapping, string, string, string, int?> read) =>
        reader.Require(map, key, path) ? read(map, key, path, "a whole number") : null;
}
