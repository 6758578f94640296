using System.Net;
using Governance.Integrations.Policies;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Admin;

/// <summary>
/// The policies page over a copy of the shipped policies: the set loaded at start, then the folder edited under the
/// running server (a valid change, then a broken file), as <c>governance policies validate</c> would find it.
/// </summary>
public sealed class PoliciesPageTests : IAsyncLifetime
{
    private readonly DirectoryInfo _policies = Directory.CreateTempSubdirectory("governance-policies-");
    private ApiHost _host = null!;

    public Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Policies, "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_policies.FullName, Path.GetRelativePath(Repository.Policies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        _host = new ApiHost(("Governance:Audit:Policies", _policies.FullName));
        using var warm = _host.Client(user: null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _policies.Delete(recursive: true);
    }

    [Fact]
    public async Task The_page_lists_the_loaded_set_and_then_says_when_the_folder_changed_and_what_is_wrong_with_it()
    {
        var shipped = PolicyLoader.Load(_policies.FullName).Set!;
        using var ada = _host.Client("ada", Domain.Identity.Role.Administrator);

        var loaded = await ada.GetStringAsync("/admin/policies");
        File.AppendAllText(Path.Combine(_policies.FullName, "dependencies", "retries-without-timeout.yaml"), "# reviewed again\n");
        var edited = PolicyLoader.Load(_policies.FullName).Set!;
        var changed = await ada.GetStringAsync("/admin/policies");
        File.WriteAllText(Path.Combine(_policies.FullName, "broken.yaml"), "apiVersion: governance/v1\nkind: Policy\nid: half-written\n");
        var problems = PolicyLoader.Load(_policies.FullName).Errors;
        var broken = await ada.GetStringAsync("/admin/policies");

        Assert.Contains($"data-testid=\"policy-folder\"><code>{_policies.FullName}</code>", loaded, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"policy-count\">{shipped.Policies.Count}<", loaded, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"policy-hash\"><code>{shipped.Hash[..12]}</code>", loaded, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"folder-valid\"", loaded, StringComparison.Ordinal);
        Assert.Equal(shipped.Policies.Count, CountOf(loaded, "<tr data-policy="));
        Assert.Contains("<tr data-policy=\"retries-without-timeout\">", loaded, StringComparison.Ordinal);

        Assert.Contains($"Valid, and changed since the server started (policy set <code>{edited.Hash[..12]}</code>, {edited.Policies.Count} policies)", changed, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"policy-hash\"><code>{shipped.Hash[..12]}</code>", changed, StringComparison.Ordinal);

        Assert.NotEmpty(problems);
        Assert.Contains($"{problems.Count} problem(s): the next audit fails until they are fixed", broken, StringComparison.Ordinal);
        Assert.All(problems, problem => Assert.Contains($"<li><code>{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(problem.ToString())}</code></li>", broken, StringComparison.Ordinal));
        Assert.Contains("broken.yaml:", broken, StringComparison.Ordinal);
        Assert.Equal(shipped.Policies.Count, CountOf(broken, "<tr data-policy="));
    }

    [Fact]
    public async Task Only_an_administrator_opens_it()
    {
        using var leader = _host.Client("dana", Domain.Identity.Role.Leader);

        var response = await leader.GetAsync("/admin/policies");

        // A token's caller is refused outright; a browser's would be sent to /forbidden.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static int CountOf(string html, string text) => (html.Length - html.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;
}
