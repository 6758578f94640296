using Governance.Server.Hosting;
using Governance.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests.Cluster.Support;

/// <summary>
/// The real server (store, silo, scheduler) started on a test database, the way <c>governance serve</c> builds it: its silo
/// on a free loopback port, reminders allowed down to <see cref="ReminderPeriod"/>, scheduled audits off.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    /// <summary>The reminder period the tests use: a few seconds.</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private bool _stopped;

    private RunningServer(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>This server's silo, as a grain sees it (<c>RuntimeIdentity</c>).</summary>
    public string Silo => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    /// <summary>Builds and starts a server on <paramref name="database"/>; <paramref name="settings"/> override the test defaults.</summary>
    public static async Task<RunningServer> StartAsync(string database, params (string Key, string? Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Governance:Database"] = database,
            ["urls"] = "http://127.0.0.1:0",
            ["Governance:Audit:Enabled"] = "false",
            ["Governance:Cluster:MinimumReminderPeriod"] = ReminderPeriod.ToString(),
            ["Logging:LogLevel:Orleans"] = "Warning",
        };
        foreach (var (key, value) in SiloPorts.Settings().Concat(settings))
        {
            configuration[key] = value;
        }

        var app = GovernanceServer.Build([], configuration);
        try
        {
            await app.StartAsync();
            return new RunningServer(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server gracefully: its silo leaves the cluster and its grains deactivate.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
