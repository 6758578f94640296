using System.Net;
using System.Text.RegularExpressions;
using Governance.Application.Identity;
using Governance.Domain.Identity;
using Governance.Server.Auditing;
using Governance.Storage.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Quartz;

namespace Governance.Server.Tests.Auditing;

/// <summary>The schedules page on the same hosts and job stores: what it shows, run now, pause and resume.</summary>
public abstract partial class AuditSchedulerTests
{
    private const string Page = "/admin/schedules";

    [StoreFact]
    public async Task The_page_shows_the_stored_schedule_and_a_pause_from_it_holds_across_a_restart_with_a_changed_schedule()
    {
        var first = StartHost();
        using (var ada = await AdministratorAsync(first))
        {
            var shown = await ada.GetStringAsync(Page);
            Assert.Contains("data-testid=\"cron\"><code>0 0 3 * * ?</code>", shown, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"time-zone\">UTC<", shown, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"state\">running<", shown, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"next-fire\">2026-11-21 03:00 UTC<", shown, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"previous-fire\">not yet fired<", shown, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"no-runs\"", shown, StringComparison.Ordinal);
            await PostAsync(ada, "Pause");
        }

        await StopAsync(first);
        var second = StartHost(("Governance:Audit:Schedule", "0 30 4 ? * MON-FRI"), ("Governance:Audit:TimeZone", "Europe/Berlin"));
        using var again = await AdministratorAsync(second);
        var paused = await again.GetStringAsync(Page);
        var stateWhilePaused = await (await SchedulerAsync(second)).GetTriggerState(AuditJob.ScheduleKey);
        await PostAsync(again, "Resume");
        var resumed = await again.GetStringAsync(Page);

        Assert.Contains("data-testid=\"cron\"><code>0 30 4 ? * MON-FRI</code>", paused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"state\">paused by user:ada at 2026-11-21 01:00 UTC<", paused, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"next-fire\">none while paused<", paused, StringComparison.Ordinal);
        Assert.Equal(TriggerState.Paused, stateWhilePaused);
        Assert.Contains("The schedule is resumed.", resumed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"state\">running<", resumed, StringComparison.Ordinal);

        // Saturday the 21st: the next weekday 04:30 in Berlin (UTC+1 in November) is Monday the 23rd, 03:30 UTC.
        Assert.Contains("data-testid=\"next-fire\">2026-11-23 03:30 UTC<", resumed, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Resumed_after_the_time_it_missed_while_paused_the_schedule_runs_that_audit_once_then_goes_on()
    {
        var host = StartHost();
        using var ada = await AdministratorAsync(host);
        await PostAsync(ada, "Pause");

        Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        await PostAsync(ada, "Resume");
        var runId = await Probe.NextCompletedAsync();

        var run = await Store(host).Audits.GetAuditRunAsync(runId);

        // The run is the firing due at 03:00 that the pause held back, not a new one.
        Assert.Equal("scheduled for 2026-11-21T03:00:00Z", run!.Trigger);
        var page = await ada.GetStringAsync(Page);
        Assert.Contains("data-testid=\"next-fire\">2026-11-22 03:00 UTC<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"previous-fire\">2026-11-21 03:05 UTC<", page, StringComparison.Ordinal);
        Assert.Contains($"<tr data-run=\"{runId}\">", page, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Run_now_records_the_administrator_who_asked_even_with_scheduled_audits_off()
    {
        var host = StartHost(("Governance:Audit:Enabled", "false"));
        using var ada = await AdministratorAsync(host);
        var before = await ada.GetStringAsync(Page);

        await PostAsync(ada, "Run");
        var runId = await Probe.NextCompletedAsync();
        var after = await ada.GetStringAsync(Page);

        Assert.Contains("data-testid=\"schedule-off\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Pause", before, StringComparison.Ordinal);
        Assert.Equal("manual by user:ada", (await Store(host).Audits.GetAuditRunAsync(runId))!.Trigger);
        Assert.Contains($"<tr data-run=\"{runId}\">", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"trigger\">manual by user:ada<", after, StringComparison.Ordinal);
        Assert.Null(await (await SchedulerAsync(host)).GetTrigger(AuditJob.ScheduleKey));
    }

    // An administrator's API token for this host (pages take tokens as the API does); the account is made on first use.
    [StoreFact]
    public async Task The_page_shows_the_last_verification_and_verifies_everything_when_asked()
    {
        var host = StartHost(("Governance:Verification:Enabled", "false"));
        using var ada = await AdministratorAsync(host);
        var before = await ada.GetStringAsync(Page);
        await Database.ExecuteAsync("UPDATE services SET state = REPLACE(state, 'gateway', 'gateway2') WHERE id = 'gateway'");

        await PostAsync(ada, "Verify");
        var after = await ada.GetStringAsync(Page);

        Assert.Contains("data-testid=\"never-verified\"", before, StringComparison.Ordinal);
        Assert.Contains("Verification found 1 problem(s): see below.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"verification-result\">broken: 1 problem(s)<", after, StringComparison.Ordinal);
        Assert.Contains("<code>service:gateway: the state is not the one entry 1 recorded: it was edited outside the product</code>", after, StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdministratorAsync(WebApplicationFactory<Program> host)
    {
        var accounts = new LocalAccounts(Store(host), Clock, LockoutPolicy.Default);
        var token = await accounts.AddAsync(new NewAccount("ada", new HashSet<Role> { Role.Administrator }, Script: true), TimeSpan.FromDays(30)) switch
        {
            AccountCreation.Created created => created.Secret,
            _ => ((SecretIssue.Issued)await accounts.IssueTokenAsync("ada", TimeSpan.FromDays(30))).Secret,
        };
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // Sends one of the page's buttons as the browser would: the page's antiforgery token, then the redirect back.
    private static async Task PostAsync(HttpClient client, string handler)
    {
        var page = await client.GetStringAsync(Page);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal((HttpStatusCode.Redirect, Page), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
