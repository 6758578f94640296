using System.Security.Cryptography;
using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Integrations.Policies;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Loader;

public sealed class PolicyLoaderTests : IDisposable
{
    private readonly PolicyFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_policy_document_becomes_a_policy_with_its_source()
    {
        var file = _files.Write("hub.yaml", """
            # A comment before the document.
            apiVersion: governance/v1
            kind: Policy
            id: critical-path-hub
            title: A hub
            category: units-of-failure
            severity: critical
            rationale: >
              Many callers
              wait on it.
            fix: Cache.
            appliesTo:
              tiers: [0, 1]
              lifecycles: [production]
              teams: [group:platform-team]
              tags: [java]
              kinds: [component]
            when:
              fact: criticalFanInTier0
              atLeast: 5
            """);
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);

        var policy = Assert.Single(_files.Load().Set!.Policies);

        Assert.Equal(("critical-path-hub", "A hub", PolicyCategory.UnitsOfFailure, Severity.Critical, "Many callers wait on it.", "Cache."),
            (policy.Id, policy.Title, policy.Category, policy.Severity, policy.Rationale, policy.Fix));
        Assert.Equal(new PolicySource(file, 2, 1), policy.Source);
        Assert.Equal([0, 1], policy.AppliesTo.Tiers!);
        Assert.Equal(["production"], policy.AppliesTo.Lifecycles!);
        Assert.Equal(["group:platform-team"], policy.AppliesTo.Teams!);
        Assert.Equal(["java"], policy.AppliesTo.Tags!);
        Assert.Equal(["component"], policy.AppliesTo.Kinds!);
        Assert.Equal(new FactCondition("criticalFanInTier0", ComparisonOperator.AtLeast, new LiteralOperand(FactValue.Of(5))), policy.When);
    }

    [Fact]
    public void Every_operand_form_is_read_as_the_fact_type_says()
    {
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        _files.Write("operands.yaml", PolicyFiles.Policy("operands", """
            all:
              - { fact: exposure, atMost: { tierTarget: mustSurvive } }
              - { fact: exposure, in: [host, zone] }
              - { fact: lastGameDay, olderThan: { byTier: { 0: 12h, default: 26w } } }
              - { fact: lastDrTest, lessThan: 2021-01-31 }
              - { fact: hasRunbook, equals: false }
              - { fact: failover.mechanism, notIn: [automatic] }
              - { fact: tags, contains: java }
              - { fact: fanIn, greaterThan: { fact: fanOut } }
            """));

        var all = Assert.IsType<AllCondition>(Assert.Single(_files.Load().Set!.Policies).When);

        Assert.Equal(
            [
                new FactCondition("exposure", ComparisonOperator.AtMost, new TierTargetOperand(TierTargetField.MustSurvive)),
                new FactCondition("lastDrTest", ComparisonOperator.LessThan, new LiteralOperand(FactValue.Of(new DateOnly(2021, 1, 31)))),
                new FactCondition("hasRunbook", ComparisonOperator.Equal, new LiteralOperand(FactValue.Of(false))),
                new FactCondition("tags", ComparisonOperator.Contains, new LiteralOperand(FactValue.Of("java"))),
                new FactCondition("fanIn", ComparisonOperator.GreaterThan, new FactOperand("fanOut")),
            ],
            all.Conditions.Where((_, i) => i is 0 or 3 or 4 or 6 or 7));
        Assert.Equal([FactValue.Of(UnitOfFailure.Host), FactValue.Of(UnitOfFailure.Zone)], ((ListOperand)((FactCondition)all.Conditions[1]).Value).Values);
        var byTier = (ByTierOperand)((FactCondition)all.Conditions[2]).Value;
        Assert.Equal((FactValue.Minutes(12 * 60), FactValue.Minutes(26 * 7 * 24 * 60)), (byTier.Tiers[0], byTier.Default));
        Assert.Equal([FactValue.Of("automatic")], ((ListOperand)((FactCondition)all.Conditions[5]).Value).Values);
    }

    [Fact]
    public void The_set_hash_is_sha256_over_the_files_in_path_order_and_the_files_are_listed_in_that_order()
    {
        var b = _files.Write("b/policy.yml", PolicyFiles.Policy("from-b", "fact: tier\nequals: 0"));
        var a = _files.Write("a.yaml", PolicyFiles.TierTargets);
        _files.Write("notes.md", "not a policy");
        _files.Write(".hidden/ignored.yaml", "not: even yaml: [");

        var result = _files.Load();

        Assert.Equal([a, b], result.Files);
        var expected = Convert.ToHexStringLower(SHA256.HashData([.. File.ReadAllBytes(a), .. File.ReadAllBytes(b)]));
        Assert.Equal(expected, result.Set!.Hash);
    }

    [Fact]
    public void Changing_one_byte_of_one_file_changes_the_hash()
    {
        _files.Write("tier-targets.yaml", PolicyFiles.TierTargets);
        var policy = _files.Write("p.yaml", PolicyFiles.Policy("p", "fact: tier\nequals: 0"));
        var before = _files.Load().Set!.Hash;

        File.WriteAllText(policy, PolicyFiles.Policy("p", "fact: tier\nequals: 1"));

        Assert.NotEqual(before, _files.Load().Set!.Hash);
    }

    [Fact]
    public void Load_files_reads_exactly_the_files_given()
    {
        var targets = _files.Write("t.yaml", PolicyFiles.TierTargets);
        var chosen = _files.Write("chosen.yaml", PolicyFiles.Policy("chosen", "fact: tier\nequals: 0"));
        _files.Write("other.yaml", PolicyFiles.Policy("other", "fact: tier\nequals: 0"));

        var result = PolicyLoader.LoadFiles([targets, chosen]);

        Assert.Equal(["chosen"], result.Set!.Policies.Select(policy => policy.Id));
        Assert.Equal([chosen, targets], result.Files);
    }

    [Fact]
    public void Several_documents_in_one_file_and_empty_documents_are_read()
    {
        _files.Write("all.yaml", $"{PolicyFiles.TierTargets}\n---\n---\n{PolicyFiles.Policy("one", "fact: tier\nequals: 0")}---\n{PolicyFiles.Policy("two", "fact: tier\nequals: 1")}");

        Assert.Equal(["one", "two"], _files.Load().Set!.Policies.Select(policy => policy.Id));
    }

    [Fact]
    public void A_policy_error_in_one_file_leaves_no_set_but_every_file_is_checked()
    {
        var first = _files.Write("a.yaml", PolicyFiles.Policy("a", "fact: tier\nequals: zero"));
        var second = _files.Write("b.yaml", PolicyFiles.Policy("b", "fact: nope\nequals: 0"));
        _files.Write("t.yaml", PolicyFiles.TierTargets);

        var result = _files.Load();

        Assert.Null(result.Set);
        Assert.False(result.Succeeded);
        Assert.Equal([first, second], result.Errors.Select(error => error.File));
    }
}
