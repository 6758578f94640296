using System.Globalization;
using Governance.Storage;

namespace Governance.Server.Auditing;

/// <summary>Fails the audit runs a stopped process left running, and says so.</summary>
internal static class AuditRecovery
{
    public static async Task FailInterruptedAsync(GovernanceStore store, TimeSpan interruptedAfter, ILogger logger, CancellationToken cancellationToken = default)
    {
        var orphaned = await store.Audits.RecoverOrphanedAuditsAsync(cancellationToken);
        if (orphaned.Count > 0)
        {
            AuditLog.OrphanedRunsFailed(logger, string.Join(", ", orphaned.Select(id => id.ToString(CultureInfo.InvariantCulture))));
        }

        var failed = await store.Audits.RecoverInterruptedAuditsAsync(interruptedAfter, cancellationToken);
        if (failed.Count > 0)
        {
            AuditLog.InterruptedRunsFailed(logger, string.Join(", ", failed.Select(id => id.ToString(CultureInfo.InvariantCulture))), interruptedAfter);
        }
    }
}
