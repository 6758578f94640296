namespace Governance.Cli.Tests;

/// <summary><c>waivers request|approve|reject</c> on the embedded store (the demo fleet): one person asks, another decides.</summary>
public sealed class WaiversCommandTests : IAsyncLifetime
{
    private readonly CliRun _cli = new();

    public async Task InitializeAsync() => Assert.Equal(0, (await _cli.InvokeAsync("demo")).ExitCode);

    public Task DisposeAsync()
    {
        _cli.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_request_counts_only_once_another_person_approves_it()
    {
        var requested = await Request();
        await _cli.InvokeAsync("audit", "run");
        var whileRequested = await _cli.InvokeAsync("risks", "feature-enablement");
        var approved = await _cli.InvokeAsync("--actor", "cto", "waivers", "approve", "feature-enablement", "critical-path-hub", "--reason", "Caching is tested");
        await _cli.InvokeAsync("audit", "run");
        var afterApproval = await _cli.InvokeAsync("risks", "feature-enablement");

        Assert.Equal((0, 0), (requested.ExitCode, approved.ExitCode));
        Assert.Equal(
            "Requested a waiver of critical-path-hub on feature-enablement until 2027-01-31 (version 2). It counts once someone other than you runs: governance waivers approve feature-enablement critical-path-hub\n",
            requested.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("waived until", whileRequested.Output, StringComparison.Ordinal);
        Assert.Equal("Approved the waiver of critical-path-hub on feature-enablement (version 3). The next audit lists it as waived.\n", approved.Output.ReplaceLineEndings("\n"));
        Assert.Contains("waived until 2027-01-31 by cto: Client caching ships in January", afterApproval.Output, StringComparison.Ordinal);
        var history = (await _cli.InvokeAsync("history", "feature-enablement")).Output;
        Assert.Contains("request-waiver", history, StringComparison.Ordinal);
        Assert.Contains("approve-waiver", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request()
    {
        await Request();

        var self = await _cli.InvokeAsync("--actor", "user:SAM", "waivers", "approve", "feature-enablement", "critical-path-hub");

        Assert.Equal(
            (3, "error: feature-enablement: approver: must be someone other than the requester (sam): another person approves it\n"),
            (self.ExitCode, self.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_requester_may_withdraw_by_rejecting()
    {
        await Request();

        var missing = await _cli.InvokeAsync("--actor", "cto", "waivers", "reject", "feature-enablement", "critical-path-hub");
        var blank = await _cli.InvokeAsync("--actor", "cto", "waivers", "reject", "feature-enablement", "critical-path-hub", "--reason", " ");
        var withdrawn = await _cli.InvokeAsync("--actor", "sam", "waivers", "reject", "feature-enablement", "critical-path-hub", "--reason", "Not needed after all");
        var approveWithdrawn = await _cli.InvokeAsync("--actor", "cto", "waivers", "approve", "feature-enablement", "critical-path-hub");

        Assert.Equal((2, 3, 0, 3), (missing.ExitCode, blank.ExitCode, withdrawn.ExitCode, approveWithdrawn.ExitCode));
        Assert.Equal("error: feature-enablement: reason: is required: say why the waiver is rejected\n", blank.Error.ReplaceLineEndings("\n"));
        Assert.Equal("Rejected the waiver of critical-path-hub on feature-enablement (version 3).\n", withdrawn.Output.ReplaceLineEndings("\n"));
        Assert.Equal(
            "error: feature-enablement: status: the waiver of 'critical-path-hub' is rejected; only a requested waiver can be approved\n",
            approveWithdrawn.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Deciding_a_waiver_nobody_requested_is_not_found()
    {
        var result = await _cli.InvokeAsync("--json", "--actor", "cto", "waivers", "approve", "feature-enablement", "critical-path-hub");

        Assert.Equal(
            (4, "error: feature-enablement: traitId: no waiver of 'critical-path-hub' on feature-enablement\n"),
            (result.ExitCode, result.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_request_prints_json_for_scripts()
    {
        var result = await _cli.InvokeAsync("--json", "--actor", "sam", "waivers", "request", "feature-enablement", "critical-path-hub", "--reason", "r", "--until", "2027-01-31");

        Assert.Equal(
            """
            {
              "serviceId": "feature-enablement",
              "version": 2,
              "traitId": "critical-path-hub",
              "status": "requested"
            }

            """,
            result.Output.ReplaceLineEndings("\n"));
    }

    private Task<CliResult> Request() =>
        _cli.InvokeAsync("--actor", "sam", "waivers", "request", "feature-enablement", "critical-path-hub", "--reason", "Client caching ships in January", "--until", "2027-01-31");
}
