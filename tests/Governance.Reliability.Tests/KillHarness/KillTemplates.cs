using System.Globalization;
using Governance.Reliability.Tests.Support;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// What the kill points start from, made once per test run by the shipped build: a generated fleet, an empty store, the
/// fleet imported, and the demo store with an API token. Each point copies a store, so every point starts the same.
/// </summary>
public sealed class KillTemplates : IAsyncLifetime
{
    private const string TokenPrefix = "only its hash is kept): ";

    public KillTemplates()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"governance-kill-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Where the templates and every point's folder live; deleted at the end unless a point failed.</summary>
    public string Directory { get; }

    /// <summary>How many services the generated fleet has (GOVERNANCE_KILL_SERVICES, default 500).</summary>
    public int Services { get; } = KillSettings.Services;

    /// <summary>The generated fleet's folder: the import scenario's input.</summary>
    public string Fleet => Path.Combine(Directory, "fleet");

    /// <summary>How many services the fleet's import creates.</summary>
    public long FleetServices { get; private set; }

    /// <summary>An initialised store holding nothing.</summary>
    public string EmptyStore => Path.Combine(Directory, "empty.db");

    /// <summary>The generated fleet imported, never audited.</summary>
    public string FleetStore => Path.Combine(Directory, "fleet.db");

    /// <summary>The demo fleet (42 services, one audit) and an administrator's API token.</summary>
    public string DemoStore => Path.Combine(Directory, "demo.db");

    public string Token { get; private set; } = string.Empty;

    /// <summary>The demo fleet's service ids.</summary>
    public IReadOnlyList<string> DemoServices { get; private set; } = [];

    /// <summary>True once a point failed: its folder is kept for a look.</summary>
    public bool Keep { get; set; }

    public async Task InitializeAsync()
    {
        await RunAsync("generate", "fleet", "--services", Services.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--out", Fleet);
        await RunAsync("init", "--db", EmptyStore);
        File.Copy(EmptyStore, FleetStore);
        await RunAsync("import", Fleet, "--db", FleetStore);
        await using (var fleet = await StoreProbe.OpenAsync(FleetStore))
        {
            FleetServices = await fleet.CountServicesAsync();
        }

        await RunAsync("demo", "--db", DemoStore);
        var created = await RunAsync("users", "add", "kill", "--role", "administrator", "--script", "--db", DemoStore);
        var line = created.Split('\n').Single(line => line.Contains(TokenPrefix, StringComparison.Ordinal));
        Token = line[(line.IndexOf(TokenPrefix, StringComparison.Ordinal) + TokenPrefix.Length)..].Trim();
        await using var demo = await StoreProbe.OpenAsync(DemoStore);
        DemoServices = await demo.ServiceIdsAsync();
    }

    public Task DisposeAsync()
    {
        if (!Keep)
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Copies <paramref name="template"/> (and its WAL, if a process left one) to be <paramref name="point"/>'s store.</summary>
    public static void CopyStore(string template, KillPoint point)
    {
        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            if (File.Exists(template + suffix))
            {
                File.Copy(template + suffix, point.Database + suffix, overwrite: true);
            }
        }
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var (exitCode, output) = await GovernanceProcess.RunAsync(Directory, arguments, TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"governance {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        }

        return output;
    }
}
