using System.Collections.Concurrent;
using Governance.Application.Auditing;
using Governance.Domain.Policies;
using Governance.Grains.Services;
using Governance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Support;

/// <summary>
/// A TestingHost cluster of silos (two unless told) whose service grains persist to the test's store, read the test's
/// clock, and check deadlines every second. What the grains log is kept, so that tests wait on it as on a barrier.
/// </summary>
public sealed class GrainCluster : IAsyncDisposable
{
    private const string HostKey = "GovernanceTestHost";

    // Silos are built from configuration by type: the objects they share with the test are found by key.
    private static readonly ConcurrentDictionary<string, TestHost> _hosts = new();
    private static readonly Lazy<PolicyEngine> _shippedPolicies = new(() => PolicyFolder.Load(Repository.Policies));

    private readonly string _key;

    private GrainCluster(string key, TestCluster cluster, LogBarrier log)
    {
        _key = key;
        Cluster = cluster;
        Log = log;
    }

    public TestCluster Cluster { get; }

    /// <summary>Every event the silos logged, to wait on.</summary>
    public LogBarrier Log { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static async Task<GrainCluster> StartAsync(GovernanceStore store, TimeProvider clock, int silos = 2)
    {
        var key = Guid.NewGuid().ToString("N");
        var log = new LogBarrier();
        _hosts[key] = new TestHost(store, _shippedPolicies.Value, clock, log);
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties[HostKey] = key;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(key, cluster, log);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _hosts.TryRemove(_key, out _);
    }

    private sealed record TestHost(GovernanceStore Store, PolicyEngine Policies, TimeProvider Time, LogBarrier Log) : IServiceGrainHost;

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var host = _hosts[siloBuilder.Configuration[HostKey]!];
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.Services.Configure<DeadlineOptions>(options => options.CheckEvery = TimeSpan.FromSeconds(1));
            siloBuilder.Services.AddSingleton<IServiceGrainHost>(host);
            siloBuilder.Services.AddSingleton<ILoggerProvider>(host.Log);
            siloBuilder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        }
    }
}
