extern alias server;

using System.Net;
using Governance.Application.Auditing;
using Governance.Domain.Identity;
using Governance.Integrations.Policies;
using Governance.Storage.Audits;
using Governance.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using AuditJob = server::Governance.Server.Auditing.AuditJob;
using StoreHolder = server::Governance.Server.Hosting.StoreHolder;

namespace Governance.Web.Tests.Pages;

/// <summary>The administrator's pages over an empty store: only the administrator looking, the shipped policies, no audit yet.</summary>
public sealed class EmptyStoreAdminPageTests(EmptyWebApp app) : IClassFixture<EmptyWebApp>
{
    [Fact]
    public async Task The_users_page_lists_only_the_administrator_looking_at_it()
    {
        var html = await AdminPages.GetAsync(app, "/admin/users", "admin-empty");

        // This class's other tests add their own administrators, in any order: every account is one of those.
        var accounts = await app.Services.GetRequiredService<StoreHolder>().Store.Accounts.ListAsync();
        Assert.All(accounts, account => Assert.StartsWith("admin-", account.Account.Name, StringComparison.Ordinal));
        Assert.Contains($"<h2>Local accounts ({accounts.Count})</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-account=\"admin-empty\">", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"add-account\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/users\" aria-current=\"page\" data-testid=\"admin-nav\">Admin</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policies_page_lists_the_shipped_policies_and_says_their_folder_is_valid()
    {
        var folder = PolicyFolder.Resolve(null);
        var shipped = PolicyLoader.Load(folder).Set!;

        var html = await AdminPages.GetAsync(app, "/admin/policies", "admin-policies");

        Assert.Contains($"data-testid=\"policy-folder\"><code>{folder}</code>", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"policy-count\">{shipped.Policies.Count}<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"folder-valid\"", html, StringComparison.Ordinal);
        Assert.All(shipped.Policies, policy => Assert.Contains($"<tr data-policy=\"{policy.Id}\">", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_schedules_page_says_scheduled_audits_are_off_and_none_has_run()
    {
        // The test servers run with Governance:Audit:Enabled=false.
        var html = await AdminPages.GetAsync(app, "/admin/schedules", "admin-schedules");

        Assert.Contains("data-testid=\"schedule-off\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-runs\">No audit has run yet.<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"run-now\"", html, StringComparison.Ordinal);
    }
}

/// <summary>The administrator's pages over the demo store and its sign-ins: accounts added and changed through the forms, run now.</summary>
public sealed class DemoStoreAdminPageTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    private const string Users = "/admin/users";

    [Fact]
    public async Task The_users_page_lists_the_demo_accounts_with_what_each_is()
    {
        var html = await AdminPages.GetAsync(app, Users, "admin-list");

        Assert.Contains("<tr data-account=\"priya\">\n                        <td>priya</td>\n                        <td>owner, approver</td>\n                        <td>platform-foundation</td>", html, StringComparison.Ordinal);
        Assert.All(app.Passwords.Keys, name => Assert.Contains($"<tr data-account=\"{name}\">", html, StringComparison.Ordinal));
        var admin = Row(html, "admin-list");
        Assert.Contains("data-testid=\"kind\">script<", admin, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"kind\">person<", Row(html, "ada"), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Disable", admin, StringComparison.Ordinal);
        Assert.Contains("handler=Disable", Row(html, "vic"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_added_through_the_form_shows_its_password_once_and_that_password_signs_in()
    {
        using var admin = await app.ClientAsync("admin-add", new HashSet<Role> { Role.Administrator });

        var added = await AdminForms.PostAsync(admin, Users, "Add", ("Add.Name", " lee "), ("Add.Roles", "Owner"), ("Add.Roles", "Approver"), ("Add.Team", "platform-foundation"), ("Add.Tier", ""), ("Add.Kind", "Person"));
        var html = await added.Content.ReadAsStringAsync();
        var password = AdminForms.SecretOf(html);
        var listedAfter = await admin.GetStringAsync(Users);
        var signedIn = await SignInAsync("lee", password);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.True(added.Headers.CacheControl?.NoStore, $"Cache-Control: {added.Headers.CacheControl}");
        Assert.Contains("The one-time password of lee:", html, StringComparison.Ordinal);
        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, listedAfter, StringComparison.Ordinal);
        Assert.Contains("<td>owner, approver</td>\n                        <td>platform-foundation</td>", Row(listedAfter, "lee"), StringComparison.Ordinal);
        Assert.Contains("<span data-testid=\"signed-in-as\">lee</span>", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"admin-nav\"", signedIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_added_through_the_form_gets_a_token_that_works_and_another_one_on_asking()
    {
        using var admin = await app.ClientAsync("admin-script", new HashSet<Role> { Role.Administrator });

        var added = await AdminForms.PostAsync(admin, Users, "Add", ("Add.Name", "report-bot"), ("Add.Roles", "Viewer"), ("Add.Kind", "Script"));
        var first = AdminForms.SecretOf(await added.Content.ReadAsStringAsync());
        var again = await AdminForms.PostAsync(admin, Users, "Token", ("account", "report-bot"));
        var second = AdminForms.SecretOf(await again.Content.ReadAsStringAsync());

        Assert.StartsWith("gov_", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        foreach (var token in new[] { first, second })
        {
            using var bot = new HttpClient { BaseAddress = app.Address };
            bot.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/api/services/feature-enablement")).StatusCode);
        }
    }

    [Fact]
    public async Task The_form_names_the_field_each_rule_refuses_and_adds_nothing()
    {
        using var admin = await app.ClientAsync("admin-refused", new HashSet<Role> { Role.Administrator });

        var taken = await (await AdminForms.PostAsync(admin, Users, "Add", ("Add.Name", "priya"), ("Add.Roles", "Viewer"), ("Add.Kind", "Person"))).Content.ReadAsStringAsync();
        var teamless = await (await AdminForms.PostAsync(admin, Users, "Add", ("Add.Name", "no-team"), ("Add.Roles", "Owner"), ("Add.Kind", "Person"))).Content.ReadAsStringAsync();
        var listed = await admin.GetStringAsync(Users);

        Assert.Contains("<li>name: an account named &#x27;priya&#x27; exists already</li>", taken, StringComparison.Ordinal);
        Assert.Contains("<li>team: an owner owns the services of a team: name it</li>", teamless, StringComparison.Ordinal);
        Assert.Contains("name=\"Add.Name\" value=\"no-team\"", teamless, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"secret\"", taken + teamless, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-account=\"no-team\">", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one_and_a_disabled_account_cannot_sign_in_until_enabled()
    {
        using var admin = await app.ClientAsync("admin-change", new HashSet<Role> { Role.Administrator }, followRedirects: false);
        var added = await AdminForms.PostAsync(admin, Users, "Add", ("Add.Name", "kim"), ("Add.Roles", "Viewer"), ("Add.Kind", "Person"));
        var first = AdminForms.SecretOf(await added.Content.ReadAsStringAsync());

        var reset = AdminForms.SecretOf(await (await AdminForms.PostAsync(admin, Users, "Password", ("account", "kim"))).Content.ReadAsStringAsync());
        var withOld = await SignInAsync("kim", first);
        var disabled = await AdminForms.PostAsync(admin, Users, "Disable", ("account", "kim"));
        var whileDisabled = await SignInAsync("kim", reset);
        var listed = await admin.GetStringAsync(Users);
        await AdminForms.PostAsync(admin, Users, "Enable", ("account", "kim"));
        var enabled = await SignInAsync("kim", reset);

        Assert.Contains("The name or the password is wrong.", withOld, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, Users), (disabled.StatusCode, disabled.Headers.Location?.OriginalString));
        Assert.Contains("The name or the password is wrong.", whileDisabled, StringComparison.Ordinal);
        Assert.Contains("Disabled kim: it no longer signs in or uses its tokens, and its sessions have ended.", listed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status\">disabled ", Row(listed, "kim"), StringComparison.Ordinal);
        Assert.Contains("<span data-testid=\"signed-in-as\">kim</span>", enabled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_persons_sessions_signs_them_out_at_their_next_page_and_leaves_their_password()
    {
        using var admin = await app.ClientAsync("admin-sessions", new HashSet<Role> { Role.Administrator }, followRedirects: false);
        var added = await AdminForms.PostAsync(admin, Users, "Add", ("Add.Name", "lou"), ("Add.Roles", "Viewer"), ("Add.Kind", "Person"));
        var password = AdminForms.SecretOf(await added.Content.ReadAsStringAsync());
        using var laptop = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        await AdminForms.PostAsync(laptop, "/sign-in", string.Empty, ("name", "lou"), ("password", password));

        var before = await laptop.GetAsync("/");
        var ended = await AdminForms.PostAsync(admin, Users, "EndSessions", ("account", "lou"));
        var after = await laptop.GetAsync("/");
        var again = await SignInAsync("lou", password);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, Users), (ended.StatusCode, ended.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.Redirect, "/sign-in"), (after.StatusCode, after.Headers.Location?.AbsolutePath));
        Assert.Contains("<span data-testid=\"signed-in-as\">lou</span>", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/users", Role.Viewer)]
    [InlineData("/admin/users", Role.Leader)]
    [InlineData("/admin/policies", Role.Viewer)]
    [InlineData("/admin/policies", Role.Leader)]
    [InlineData("/admin/schedules", Role.Viewer)]
    [InlineData("/admin/schedules", Role.Leader)]
    public async Task Viewers_and_leaders_are_refused_every_admin_page_and_see_no_admin_entry(string path, Role role)
    {
        using var client = await app.ClientAsync($"{role.ToString().ToLowerInvariant()}{path.Replace('/', '-')}", new HashSet<Role> { role });

        var refused = await client.GetAsync(path);
        var overview = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("data-testid=\"admin-nav\"", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_now_records_a_new_audit_run_that_names_the_administrator_who_asked()
    {
        using var admin = await app.ClientAsync("admin-run", new HashSet<Role> { Role.Administrator }, followRedirects: false);
        var before = await admin.GetStringAsync("/admin/schedules");
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var finished = new AuditFinished();
        scheduler.ListenerManager.AddJobListener(finished, [Matchers.Key(AuditJob.Key)]);

        var asked = await AdminForms.PostAsync(admin, "/admin/schedules", "Run");
        var runId = await finished.RunId.WaitAsync(TimeSpan.FromMinutes(2));
        var after = await admin.GetStringAsync("/admin/schedules");

        var run = await app.Services.GetRequiredService<StoreHolder>().Store.Audits.GetAuditRunAsync(runId);
        Assert.Equal((HttpStatusCode.Redirect, "/admin/schedules"), (asked.StatusCode, asked.Headers.Location?.OriginalString));
        Assert.Equal(("manual by user:admin-run", AuditRunStatus.Succeeded, 42), (run!.Trigger, run.Status, run.ServicesAudited));
        Assert.Contains("data-testid=\"trigger\">demo<", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"<tr data-run=\"{runId}\">", before, StringComparison.Ordinal);
        Assert.Contains("is recorded as manual by user:admin-run.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"trigger\">manual by user:admin-run<", Between(after, $"<tr data-run=\"{runId}\">", "</tr>"), StringComparison.Ordinal);
    }

    private async Task<string> SignInAsync(string name, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { BaseAddress = app.Address };
        var response = await AdminForms.PostAsync(browser, "/sign-in", string.Empty, ("name", name), ("password", password));
        return await response.Content.ReadAsStringAsync();
    }

    private static string Row(string html, string account) => Between(html, $"<tr data-account=\"{account}\">", "</tr>");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} in the page");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    // The barrier the run-now test waits at: the audit job's next firing has ended, with its run's id.
    private sealed class AuditFinished : IJobListener
    {
        private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => nameof(AuditFinished);

        public Task<long> RunId => _done.Task;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (jobException is not null)
            {
                _done.TrySetException(jobException);
            }
            else
            {
                _done.TrySetResult((long)context.Result!);
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Reads an admin page as a new administrator.</summary>
internal static class AdminPages
{
    public static async Task<string> GetAsync(DemoWebApp app, string path, string administrator)
    {
        using var client = await app.ClientAsync(administrator, new HashSet<Role> { Role.Administrator });
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
