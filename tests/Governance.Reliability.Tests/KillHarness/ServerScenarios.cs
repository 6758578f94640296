using System.Globalization;
using Governance.Reliability.Tests.Support;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// The server, <c>governance serve</c> on a point's SQLite file: a stream of writes through the service grains, and the
/// scheduled fleet audit (Quartz, every second).
/// </summary>
public static class ServerScenarios
{
    private const string Listening = "Now listening on:";
    private const string AuditRecorded = "Audit recorded run";

    /// <summary>
    /// Remediation items opened through the write API, four at a time, armed once the first one was acknowledged (the
    /// server warm; the first request after start-up is <see cref="StartUp"/>'s): every item acknowledged
    /// (2xx) before the kill is in the store after it; the re-run (a restarted server) takes the unanswered ones again with
    /// their idempotency keys, answering each as the store says (created, replayed, or already there), and a new one.
    /// </summary>
    public static KillScenario Writes { get; } = WriteScenario("server-writes", weight: 2, armedWhenListening: true);

    /// <summary>
    /// The same, armed when the process starts and measured until it listens: kills land in the server's start-up (store,
    /// Quartz's tables, the silo) and the first writes.
    /// </summary>
    public static KillScenario StartUp { get; } = WriteScenario("server-start", weight: 1, armedWhenListening: false);

    /// <summary>
    /// The scheduled audit (every second), killed from the moment the server listens until its first run is recorded: as
    /// the scheduler starts, as the job fires, while the run is computed and while it is stored. (Armed at the job's own
    /// "starting" line, the span would be measured by log lines the console logger flushes in batches: too short.) The
    /// restarted server fails the killed run as interrupted when it starts, and its own scheduled audit then succeeds.
    /// </summary>
    public static KillScenario ScheduledAudit { get; } = new(
        "scheduled-audit",
        Weight: 1,
        SetUpAsync: point =>
        {
            KillTemplates.CopyStore(point.Templates.FleetStore, point);
            return Task.CompletedTask;
        },
        Start: point =>
        {
            var server = Serve(point, auditing: true, out _);
            return new KillTarget(server, server.WaitForLineAsync(Listening), server.WaitForLineAsync(AuditRecorded), Task.CompletedTask);
        },
        CheckAfterKillAsync: AuditRuns.RecordKilledRunAsync,
        RerunAsync: async point =>
        {
            await using var server = Serve(point, auditing: true, out _);
            await server.WaitForLineAsync(AuditRecorded).WaitAsync(TimeSpan.FromMinutes(2));
            await AuditRuns.CheckRecoveredAsync(point, server.Output, writerStillUp: true);
        });

    private static KillScenario WriteScenario(string name, int weight, bool armedWhenListening) => new(
        name,
        weight,
        SetUpAsync: point =>
        {
            KillTemplates.CopyStore(point.Templates.DemoStore, point);
            return Task.CompletedTask;
        },
        Start: point =>
        {
            var server = Serve(point, auditing: false, out var address);
            var stream = new WriteStream(address, point.Templates.Token, point.Templates.DemoServices, Prefix(point));
            point.State = stream;
            var driver = DriveAsync(server, stream);
            return armedWhenListening
                ? new KillTarget(server, stream.Warm, stream.Finished, driver)
                : new KillTarget(server, Task.CompletedTask, server.WaitForLineAsync(Listening), driver);
        },
        CheckAfterKillAsync: async point =>
        {
            var stream = (WriteStream)point.State!;
            Check.That(stream.Refused.IsEmpty, $"the server refused writes before the kill: {string.Join("; ", stream.Refused)}");
            await using var store = await StoreProbe.OpenAsync(point.Database);
            foreach (var (serviceId, itemId) in stream.Acknowledged)
            {
                Check.That((await store.RemediationItemIdsAsync(serviceId)).Contains(itemId), $"{itemId} on {serviceId} was acknowledged before the kill but is not in the store");
            }

            point.Outcome = $"{stream.Acknowledged.Count} writes acknowledged, {stream.Unanswered.Count} unanswered";
        },
        RerunAsync: async point =>
        {
            var stream = (WriteStream)point.State!;
            await using var server = Serve(point, auditing: false, out var address);
            await server.WaitForLineAsync(Listening).WaitAsync(TimeSpan.FromSeconds(90));
            using var client = WriteStream.Client(address, point.Templates.Token);
            var again = stream.Unanswered.Append((stream.Services[0], $"{stream.Prefix}-after")).ToList();
            foreach (var (serviceId, itemId) in again)
            {
                bool before;
                await using (var store = await StoreProbe.OpenAsync(point.Database))
                {
                    before = (await store.RemediationItemIdsAsync(serviceId)).Contains(itemId);
                }

                // The same key again, as a client's retry: the first answer replayed, or the request run now. A request
                // whose process died after it committed, but before its answer was kept, runs again and finds its item.
                var (status, body) = await WriteStream.OpenItemAsync(client, serviceId, itemId);
                Check.That(
                    status == 200 || (before && status == 400 && body.Contains("already exists", StringComparison.Ordinal)),
                    $"re-sending {itemId} to {serviceId} with its key ({(before ? "already stored" : "not stored")}) was answered {status}: {body}");
            }

            await server.KillAsync();
            await using var after = await StoreProbe.OpenAsync(point.Database);
            foreach (var (serviceId, itemId) in again.Concat(stream.Acknowledged))
            {
                Check.That((await after.RemediationItemIdsAsync(serviceId)).Contains(itemId), $"{itemId} on {serviceId} is not in the store after the re-run");
            }
        });

    /// <summary>Starts <c>governance serve</c> on the point's store, on free ports; the audit every second, or not at all.</summary>
    private static GovernanceProcess Serve(KillPoint point, bool auditing, out Uri address)
    {
        address = new Uri($"http://127.0.0.1:{GovernanceProcess.FreePort()}");
        var settings = new Dictionary<string, string>
        {
            ["Governance__Cluster__SiloPort"] = GovernanceProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Governance__Cluster__GatewayPort"] = GovernanceProcess.FreePort().ToString(CultureInfo.InvariantCulture),
        };
        if (auditing)
        {
            settings["Governance__Audit__Schedule"] = "* * * * * ?";
        }
        else
        {
            settings["Governance__Audit__Enabled"] = "false";
        }

        return GovernanceProcess.Start(point.Directory, ["serve", "--db", point.Database, "--urls", address.ToString()], settings);
    }

    private static async Task DriveAsync(GovernanceProcess server, WriteStream stream)
    {
        await Task.WhenAny(server.WaitForLineAsync(Listening), server.Exited);
        if (!server.HasExited)
        {
            await stream.RunAsync();
        }
    }

    private static string Prefix(KillPoint point) => $"KILL-{point.Name.Replace(" #", "-", StringComparison.Ordinal).ToUpperInvariant()}";
}
