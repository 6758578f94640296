using Governance.Application.Auditing;
using Governance.Domain.Policies;
using Governance.Grains.Services;
using Governance.Server.Auditing;
using Governance.Storage;
using Microsoft.Extensions.Options;

namespace Governance.Server.Hosting;

/// <summary>
/// What the server's service grains run on: the store the host opened and the policy set named by
/// <c>Governance:Audit:Policies</c>, loaded when the host starts so that a broken set stops the server with its errors.
/// </summary>
public sealed class ServerGrainHost(StoreHolder holder, IOptions<AuditScheduleOptions> audit, TimeProvider time) : IServiceGrainHost, IHostedService
{
    private PolicyEngine? _policies;

    public GovernanceStore Store => holder.Store;

    public PolicyEngine Policies => _policies ?? throw new InvalidOperationException("the policies are loaded when the host starts");

    public TimeProvider Time => time;

    /// <summary>The folder <see cref="Policies"/> were loaded from; each fleet audit loads it again.</summary>
    public string PolicyDirectory { get; } = PolicyFolder.Resolve(audit.Value.Policies);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _policies = PolicyFolder.Load(PolicyDirectory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registration of what service grains need from the server.</summary>
public static class ServerGrainHostRegistration
{
    /// <summary>The grain host, started (policies loaded) in the order hosted services are registered: after the store, before the silo.</summary>
    public static IHostApplicationBuilder AddServiceGrainHost(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section);
        builder.Services.AddSingleton<ServerGrainHost>();
        builder.Services.AddSingleton<IServiceGrainHost>(services => services.GetRequiredService<ServerGrainHost>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ServerGrainHost>());
        return builder;
    }
}
