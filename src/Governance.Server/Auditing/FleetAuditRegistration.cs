using Governance.Application.Auditing;
using Governance.Server.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Governance.Server.Auditing;

/// <summary>Registers the real fleet audit that the scheduled job runs.</summary>
public static class FleetAuditRegistration
{
    /// <summary>The audit over the host's store, with the policies named by <c>Governance:Audit:Policies</c>.</summary>
    public static IHostApplicationBuilder AddFleetAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IFleetAudit>(services => new FleetAudit(
            services.GetRequiredService<StoreHolder>().Store,
            PolicyFolder.Resolve(services.GetRequiredService<IOptions<AuditScheduleOptions>>().Value.Policies),
            services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
