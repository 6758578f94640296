using Governance.Domain.Policies;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Loader;

public sealed class PolicyLoaderErrorTests : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Malformed_yaml_is_reported_where_the_parser_stopped()
    {
        var file = _files.Write("bad.yaml", "apiVersion: governance/v1\nkind: Policy\nid: x\n  title: y\n");

        Assert.Equal([$"{file}:4:8: (yaml): not valid YAML: While scanning a plain scalar value, found invalid mapping."], Errors());
    }

    [Fact]
    public void An_unknown_kind_and_a_wrong_api_version_are_errors()
    {
        var file = _files.Write("bad.yaml", "apiVersion: governance/v1\nkind: Polcy\n---\napiVersion: governance/v2\nkind: Policy\n");

        Assert.Equal(
            [
                $"{file}:2:7: kind: unknown kind 'Polcy'; expected Policy, TierTargets or WaiverRules",
                $"{file}:4:13: apiVersion: must be governance/v1, was 'governance/v2'",
            ],
            Errors());
    }

    [Fact]
    public void Unknown_fields_and_missing_required_fields_are_errors()
    {
        var file = _files.Write("bad.yaml", """
            apiVersion: governance/v1
            kind: Policy
            id: no-title
            category: data
            severity: high
            rationale: Because.
            fix: Fix it.
            whenn: { fact: tier, equals: 0 }
            """);

        Assert.Equal(
            [
                $"{file}:1:1: title: is required",
                $"{file}:1:1: when: is required",
                $"{file}:8:1: whenn: unknown field; expected one of apiVersion, kind, id, title, category, severity, rationale, fix, appliesTo, when",
            ],
            Errors());
    }

    [Fact]
    public void Unknown_categories_severities_and_tiers_list_the_allowed_values()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("bad-values", "fact: tier\nequals: 0", "tiers: [0, 4]\nkinds: [service]")
            .Replace("category: dependencies", "category: networking", StringComparison.Ordinal)
            .Replace("severity: high", "severity: severe", StringComparison.Ordinal));

        Assert.Equal(
            [
                $"{file}:5:11: category: unknown value 'networking'; expected one of units-of-failure, dependencies, capacity, change, observability, data, recovery, process",
                $"{file}:6:11: severity: unknown value 'severe'; expected one of low, medium, high, critical",
                $"{file}:10:14: appliesTo.tiers[1]: unknown tier '4'; expected 0, 1, 2 or 3",
                $"{file}:11:11: appliesTo.kinds[0]: unknown value 'service'; expected one of component, resource",
            ],
            Errors());
    }

    [Fact]
    public void A_duplicate_policy_id_names_both_places()
    {
        var first = _files.Write("a.yaml", PolicyFiles.Policy("same", "fact: tier\nequals: 0"));
        var second = _files.Write("b.yaml", PolicyFiles.Policy("same", "fact: tier\nequals: 1"));

        Assert.Equal([$"{second}:3:5: id: duplicate policy id 'same'; it is already defined at {first}:3:5"], Errors());
    }

    [Fact]
    public void An_unknown_fact_is_reported_at_its_name_with_the_close_matches()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("typo", "all:\n  - { fact: fanin, atLeast: 3 }\n  - { absent: timeoutMs }\n  - { present: zzz }"));

        Assert.Equal(
            [
                $"{file}:11:15: when.all[0].fact: unknown fact 'fanin'; did you mean fanIn?",
                $"{file}:12:17: when.all[1].absent: unknown fact 'timeoutMs'; did you mean edge.timeoutMs?",
                $"{file}:13:18: when.all[2].present: unknown fact 'zzz'; `governance facts` lists every fact",
            ],
            Errors());
    }

    [Fact]
    public void A_comparison_that_does_not_fit_the_fact_type_is_an_error()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("types", "any:\n  - { fact: fanIn, olderThan: 90d }\n  - { fact: owner, atLeast: 3 }\n  - { fact: tier, equals: high }\n  - { count: dataStores, within: 2d }"));

        Assert.Equal(
            [
                $"{file}:11:22: when.any[0].olderThan: olderThan does not fit number fact 'fanIn'; use equals, notEquals, lessThan, atMost, greaterThan, atLeast, in, notIn",
                $"{file}:12:22: when.any[1].atLeast: atLeast does not fit text fact 'owner'; use equals, notEquals, in, notIn",
                $"{file}:13:29: when.any[2].equals: must be a number, was 'high'",
                $"{file}:14:28: when.any[3].within: within does not fit a count; use equals, notEquals, lessThan, atMost, greaterThan, atLeast, in, notIn",
            ],
            Errors());
    }

    [Fact]
    public void A_condition_needs_exactly_one_form_and_one_comparison()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("forms", "any:\n  - { fact: tier, present: tier }\n  - { equals: 0 }\n  - { fact: tier, equals: 0, atMost: 1 }\n  - { fact: tier }"));

        Assert.Equal(
            [
                $"{file}:11:21: when.any[0]: a condition has exactly one form, but 'fact' and 'present' are both given",
                $"{file}:12:7: when.any[1]: a condition needs one of all, any, not, fact, present, absent, some, every, none, count; found none",
                $"{file}:13:32: when.any[2]: has exactly one comparison, but 'equals' and 'atMost' are both given",
                $"{file}:14:7: when.any[3]: needs one comparison: equals, notEquals, lessThan, atMost, greaterThan, atLeast, in, notIn, olderThan, within, contains",
            ],
            Errors());
    }

    [Fact]
    public void A_collection_fact_outside_its_collection_is_an_error()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("scope", "any:\n  - { fact: edge.timeoutMs, atLeast: 100 }\n  - { present: store.engine }\n  - some: dataStores\n    where: { fact: edge.hard, equals: true }"));

        Assert.Equal(
            [
                $"{file}:11:15: when.any[0].fact: fact 'edge.timeoutMs' belongs to the dependencies collection: use it inside the where of some/every/none/count: dependencies",
                $"{file}:12:18: when.any[1].present: fact 'store.engine' belongs to the dataStores collection: use it inside the where of some/every/none/count: dataStores",
                $"{file}:14:22: when.any[2].where.fact: fact 'edge.hard' belongs to the dependencies collection, not to dataStores",
            ],
            Errors());
    }

    [Fact]
    public void A_malformed_duration_is_an_error()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("duration", "fact: lastGameDay\nolderThan: 90 days"));

        Assert.Equal([$"{file}:11:14: when.olderThan: must be a duration: a whole number and a unit, like 30m, 12h, 90d or 26w, was '90 days'"], Errors());
    }

    [Fact]
    public void Quantifiers_need_a_known_collection_a_where_and_do_not_nest()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("quantifiers", """
            any:
              - { some: edges, where: { fact: tier, equals: 0 } }
              - { every: dependencies }
              - some: dependencies
                where: { none: dataStores, where: { fact: store.engine, equals: redis } }
            """));

        Assert.Equal(
            [
                $"{file}:11:15: when.any[0].some: unknown collection 'edges'; expected dependencies or dataStores",
                $"{file}:12:7: when.any[1].where: is required",
                $"{file}:14:16: when.any[2].where.none: none cannot be used inside the where of dependencies: quantifiers do not nest",
            ],
            Errors());
    }

    [Fact]
    public void Operands_must_fit_the_fact_they_are_compared_with()
    {
        var file = _files.Write("bad.yaml", PolicyFiles.Policy("operands", """
            any:
              - { fact: exposure, atMost: { tierTarget: rtoMinutes } }
              - { fact: exposure, atMost: { tierTarget: mustSurviv } }
              - { fact: tier, in: 0 }
              - { fact: tier, equals: [0, 1] }
              - { fact: tier, atLeast: { byTier: { 0: 1, 5: 2 } } }
              - { fact: fanIn, greaterThan: { fact: owner } }
              - { fact: tier, equals: { fact: tier, byTier: { 0: 1 } } }
            """));

        Assert.Equal(
            [
                $"{file}:11:47: when.any[0].atMost: tierTarget rtoMinutes is a number; atMost here needs a unit-of-failure",
                $"{file}:12:47: when.any[1].atMost.tierTarget: unknown tier target field 'mustSurviv'; expected mustSurvive, rtoMinutes, rpoMinutes",
                $"{file}:13:25: when.any[2].in: in takes a list of number values, like [a, b]; was '0'",
                $"{file}:14:29: when.any[3].equals: a list fits only in and notIn; equals takes one number value",
                $"{file}:15:48: when.any[4].atLeast.byTier.5: unknown tier '5'; expected 0, 1, 2, 3 or default",
                $"{file}:16:43: when.any[5].greaterThan: fact 'owner' is a text; this comparison needs a number",
                $"{file}:17:29: when.any[6].equals: expected a value, or a mapping with exactly one of byTier, tierTarget or fact",
            ],
            Errors());
    }

    [Fact]
    public void A_set_without_tier_targets_is_refused()
    {
        _files.Write("only.yaml", PolicyFiles.Policy("lonely", "fact: tier\nequals: 0"));

        var result = _files.Load();

        Assert.Null(result.Set);
        Assert.Equal([$"{_files.Directory}:1:1: (policy set): no TierTargets document: a policy set needs exactly one (apiVersion: governance/v1, kind: TierTargets) giving tiers 0–3"],
            result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Incomplete_repeated_and_second_tier_targets_are_refused()
    {
        var file = _files.Write("tier-targets.yaml", """
            apiVersion: governance/v1
            kind: TierTargets
            tiers:
              - { tier: 0, rtoMinutes: 15, rpoMinutes: 1, mustSurvive: region }
              - { tier: 0, rtoMinutes: 60, rpoMinutes: 15, mustSurvive: zone }
              - { tier: 2, rtoMinutes: -5, rpoMinutes: 60, mustSurvive: none }
              - { tier: 7, rtoMinutes: 1, rpoMinutes: 1 }
            """);
        var other = _files.Write("z-more.yaml", PolicyFiles.TierTargets);

        var result = _files.Load();

        Assert.Equal(
            [
                $"{file}:5:13: tiers[1].tier: tier 0 is given twice: every tier 0–3 must be given exactly once",
                $"{file}:6:28: tiers[2].rtoMinutes: cannot be negative, was -5",
                $"{file}:6:61: tiers[2].mustSurvive: must be host, zone, region or provider: no tier can survive every failure",
                $"{file}:7:5: tiers[3].mustSurvive: is required",
                $"{file}:7:13: tiers[3].tier: unknown tier 7; expected 0, 1, 2 or 3",
                $"{other}:1:1: kind: a second TierTargets document; a policy set has exactly one, and it is at {file}:1:1",
            ],
            result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Waiver_rules_are_the_defaults_unless_a_document_sets_them()
    {
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        Assert.Equal(WaiverRules.Default, _files.Load().Set!.Waivers);

        _files.Write("waiver-rules.yaml", "apiVersion: governance/v1\nkind: WaiverRules\nmaxDays: 90\n");

        Assert.Equal(new WaiverRules(90), _files.Load().Set!.Waivers);
    }

    [Fact]
    public void Bad_and_second_waiver_rules_are_refused_where_they_are_written()
    {
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        var file = _files.Write("waiver-rules.yaml", "apiVersion: governance/v1\nkind: WaiverRules\nmaxDays: 0\nmaxDay: 3\n");
        var other = _files.Write("z-more.yaml", "apiVersion: governance/v1\nkind: WaiverRules\nmaxDays: 30\n");

        var result = _files.Load();

        Assert.Null(result.Set);
        Assert.Equal(
            [
                $"{file}:3:10: maxDays: must be between 1 and 3650 days, was 0",
                $"{file}:4:1: maxDay: unknown field; expected one of apiVersion, kind, maxDays",
                $"{other}:1:1: kind: a second WaiverRules document; a policy set has at most one, and it is at {file}:1:1",
            ],
            result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Tier_targets_missing_a_tier_name_it()
    {
        var file = _files.Write("tier-targets.yaml", "apiVersion: governance/v1\nkind: TierTargets\ntiers:\n  - { tier: 1, rtoMinutes: 60, rpoMinutes: 15, mustSurvive: zone }\n");

        Assert.Equal([$"{file}:4:3: tiers: tier 0, 2, 3 are missing: every tier 0–3 must be given exactly once"], _files.Load().Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void A_missing_folder_and_an_empty_folder_are_errors()
    {
        var missing = Path.Combine(_files.Directory, "nowhere");

        Assert.Equal([$"{missing}:1:1: no such folder"], Integrations.Policies.PolicyLoader.Load(missing).Errors.Select(error => error.ToString()));
        Assert.Equal([$"{_files.Directory}:1:1: no policy files (*.yaml, *.yml) in this folder"], _files.Load().Errors.Select(error => error.ToString()));
    }

    /// <summary>The errors of loading the folder with valid tier targets added, as <c>file:line:column: message</c>.</summary>
    private List<string> Errors()
    {
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        var result = _files.Load();
        Assert.Null(result.Set);
        return [.. result.Errors.Select(error => error.ToString())];
    }
}
