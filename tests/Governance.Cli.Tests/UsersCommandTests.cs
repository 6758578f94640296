using System.Text.RegularExpressions;

namespace Governance.Cli.Tests;

/// <summary><c>governance users</c>: the same account use cases as the admin pages, from the command line.</summary>
public sealed partial class UsersCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_administrator_lists_resets_signs_out_unlocks_disables_and_enables_accounts()
    {
        await _cli.InvokeAsync("users", "add", "priya", "--role", "owner", "--team", "team-a");
        await _cli.InvokeAsync("users", "add", "ci-bot", "--role", "viewer", "--script", "--days", "30");

        var password = await _cli.InvokeAsync("users", "password", "priya");
        var script = await _cli.InvokeAsync("users", "password", "ci-bot");
        var signedOut = await _cli.InvokeAsync("users", "end-sessions", "priya");
        var unlocked = await _cli.InvokeAsync("users", "unlock", "priya");
        var disabled = await _cli.InvokeAsync("users", "disable", "ci-bot");
        var listed = await _cli.InvokeAsync("users", "list");
        var enabled = await _cli.InvokeAsync("users", "enable", "ci-bot");
        var unknown = await _cli.InvokeAsync("users", "token", "nobody");

        Assert.Equal(0, password.ExitCode);
        Assert.Matches(NewPassword(), password.Output);
        Assert.Equal((3, "error: 'ci-bot' is a script's account: it has API tokens, not a password\n"), (script.ExitCode, script.Error));
        Assert.Equal((0, "Ended the sessions of priya.\n"), (signedOut.ExitCode, signedOut.Output));
        Assert.Equal((0, "Unlocked priya.\n"), (unlocked.ExitCode, unlocked.Output));
        Assert.Equal((0, "Disabled ci-bot.\n"), (disabled.ExitCode, disabled.Output));
        Assert.Equal(
            "ci-bot (viewer), script, disabled since 2026-11-21, token until 2026-12-21\npriya (owner, team team-a)\n2 account(s).\n",
            listed.Output);
        Assert.Equal((0, "Enabled ci-bot.\n"), (enabled.ExitCode, enabled.Output));
        Assert.Equal((4, "error: no account named 'nobody' (governance users list)\n"), (unknown.ExitCode, unknown.Error));
    }

    [GeneratedRegex("^New one-time password for priya \\(shown once, only its hash is kept\\): [A-Za-z0-9]{20}\n$")]
    private static partial Regex NewPassword();
}
