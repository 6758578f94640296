namespace Governance.Cli.Tests;

public sealed class AuditCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_shipped_policies_validate()
    {
        var result = await _cli.InvokeAsync("policies", "validate", "--dir", Path.Combine(Repository.Root, "policies"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"^\d\d policies and the tier targets in .* are valid", result.Output);
    }

    [Fact]
    public async Task A_broken_policy_file_is_rejected_with_file_line_and_column()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "policies")).FullName;
        File.Copy(Path.Combine(Repository.Root, "policies", "tier-targets.yaml"), Path.Combine(folder, "tier-targets.yaml"));
        var broken = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(broken, """
            apiVersion: governance/v1
            kind: Policy
            id: broken
            title: Broken
            category: capacity
            severity: high
            rationale: r
            fix: f
            when:
              fact: autoscaling.reactionSecs
              atLeast: 60
            """);

        var result = await _cli.InvokeAsync("policies", "validate", "--dir", folder);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{broken}:10:9:", result.Error);
        Assert.Contains("autoscaling.reactionSecs", result.Error);
    }

    [Fact]
    public async Task An_audit_as_of_a_day_judges_dates_from_that_day_and_records_it()
    {
        // Tested 2025-06-01: within a year of 2025-06-30, more than a year before the clock's 2026-11-21.
        var fleet = Path.Combine(_cli.Folder, "fleet.yaml");
        await File.WriteAllTextAsync(fleet, """
            apiVersion: governance/v1
            kind: Fleet
            teams:
              - id: team-a
            services:
              - id: ledger
                name: Ledger
                owner: team-a
                tier: 1
                lifecycle: production
                facts:
                  lastDrTest: 2025-06-01
            """);
        Assert.Equal(0, (await _cli.InvokeAsync("import", fleet)).ExitCode);

        var then = await _cli.InvokeAsync("--json", "audit", "run", "--as-of", "2025-06-30");
        var thenRisks = await _cli.InvokeAsync("risks", "ledger");
        var now = await _cli.InvokeAsync("audit", "run");
        var nowRisks = await _cli.InvokeAsync("risks", "ledger");
        var bad = await _cli.InvokeAsync("audit", "run", "--as-of", "30/06/2025");

        Assert.True(then.ExitCode == 0, then.Error);
        Assert.Contains("\"auditedAt\": \"2025-06-30T00:00:00+00:00\"", then.Output);
        Assert.DoesNotContain("stale-dr-test", thenRisks.Output);
        Assert.Equal(0, now.ExitCode);
        Assert.Contains("stale-dr-test", nowRisks.Output);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--as-of must be a date like 2025-06-30, was '30/06/2025'", bad.Error);
    }

    [Fact]
    public async Task An_audit_is_stored_shown_compared_and_waivers_take_effect()
    {
        await _cli.InvokeAsync("demo");
        var first = await _cli.InvokeAsync("audit", "show");
        var waive = await _cli.InvokeAsync("--actor", "sam", "waive", "feature-enablement", "critical-path-hub", "--reason", "Client caching ships in January", "--until", "2027-01-31", "--approver", "cto");
        var second = await _cli.InvokeAsync("audit", "run");

        var risks = await _cli.InvokeAsync("risks", "feature-enablement");
        var diff = await _cli.InvokeAsync("audit", "diff", "1", "2");

        Assert.Equal((0, 0, 0), (first.ExitCode, waive.ExitCode, second.ExitCode));
        Assert.Contains("Audit run 1", first.Output);
        Assert.Contains("Since run 1: 0 new, 0 resolved", second.Output);
        Assert.Contains("critical-path-hub (critical, dependencies)", risks.Output);
        Assert.Contains("waived until 2027-01-31 by cto: Client caching ships in January", risks.Output);
        Assert.Contains("From run 1 to run 2: 0 new, 0 resolved", diff.Output);
        Assert.Contains("waive-trait", (await _cli.InvokeAsync("history", "feature-enablement")).Output);
    }

    [Fact]
    public async Task A_waiver_needs_an_approver_other_than_the_asker()
    {
        await _cli.InvokeAsync("demo");

        var result = await _cli.InvokeAsync("--actor", "cto", "waive", "feature-enablement", "critical-path-hub", "--reason", "r", "--until", "2027-01-31", "--approver", "cto");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("someone other than the one asking", result.Error);
    }

    [Fact]
    public async Task A_waiver_of_a_trait_no_policy_defines_is_refused_and_nothing_is_recorded()
    {
        await _cli.InvokeAsync("demo");

        var result = await _cli.InvokeAsync("--actor", "sam", "waive", "feature-enablement", "path-hub", "--reason", "r", "--until", "2027-01-31", "--approver", "cto");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("defines the trait 'path-hub'; did you mean critical-path-hub?", result.Error);
        Assert.DoesNotContain("waive-trait", (await _cli.InvokeAsync("history", "feature-enablement")).Output);
    }

    [Fact]
    public async Task A_revoked_waiver_stops_applying_at_the_next_audit_and_is_in_the_history()
    {
        await _cli.InvokeAsync("demo");
        await _cli.InvokeAsync("--actor", "sam", "waive", "feature-enablement", "critical-path-hub", "--reason", "r", "--until", "2027-01-31", "--approver", "cto");

        var revoked = await _cli.InvokeAsync("--actor", "cto", "unwaive", "feature-enablement", "critical-path-hub");
        var audit = await _cli.InvokeAsync("audit", "run");
        var again = await _cli.InvokeAsync("unwaive", "feature-enablement", "critical-path-hub");

        Assert.Equal((0, 0, 4), (revoked.ExitCode, audit.ExitCode, again.ExitCode));
        Assert.Contains("Revoked the waiver of critical-path-hub on feature-enablement", revoked.Output);
        Assert.DoesNotContain("waived until", (await _cli.InvokeAsync("risks", "feature-enablement")).Output);
        Assert.Contains("revoke-waiver", (await _cli.InvokeAsync("history", "feature-enablement")).Output);
        Assert.Contains("no waiver of 'critical-path-hub'", again.Error);
    }

    [Fact]
    public async Task Similar_services_by_traits_give_the_shared_traits_as_the_reason()
    {
        await _cli.InvokeAsync("demo");

        var result = await _cli.InvokeAsync("--json", "similar", "--traits", "critical-path-hub,single-unit-of-failure");

        var similar = System.Text.Json.JsonDocument.Parse(result.Output).RootElement.GetProperty("similar").EnumerateArray().ToList();
        Assert.Equal("feature-enablement", similar[0].GetProperty("serviceId").GetString());
        Assert.Equal(["critical-path-hub", "single-unit-of-failure"], similar[0].GetProperty("sharedTraits").EnumerateArray().Select(trait => trait.GetString()!).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_limit_below_one_is_a_usage_error()
    {
        await _cli.InvokeAsync("init");

        var result = await _cli.InvokeAsync("similar", "anything", "--limit", "-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit must be at least 1", result.Error);
    }

    [Fact]
    public async Task Risks_before_any_audit_say_how_to_run_one()
    {
        await _cli.InvokeAsync("init");

        var result = await _cli.InvokeAsync("risks", "anything");

        Assert.Equal(4, result.ExitCode);
    }

    [Fact]
    public async Task The_fact_catalog_lists_graph_and_edge_facts()
    {
        var result = await _cli.InvokeAsync("facts");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("criticalFanInTier0", result.Output);
        Assert.Contains("edge.timeoutMs", result.Output);
    }
}
