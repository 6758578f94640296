using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Storage;
using Governance.Storage.Idempotency;

// Usage: worker CONNECTION SERVICE-ID WORKER-NAME COUNT
// Opens the store and adds COUNT remediation items named WORKER-NAME-NNN to one service; exit code 0 when all were accepted.
// Usage: worker begin-audit CONNECTION
// Begins an audit run, prints its id and this process's id, and exits without ending it: a process that died in the middle of an audit.
// Usage: worker claim-key CONNECTION ACTOR KEY
// Claims an idempotency key for a day and exits without completing it: a server killed while a request ran.
if (args is ["claim-key", var keyStore, var actor, var requestKey])
{
    await using var keys = await GovernanceStore.OpenAsync(keyStore, TimeProvider.System);
    var claim = await keys.Idempotency.ClaimAsync(new IdempotencyKey(actor, requestKey), "POST /worker", TimeSpan.FromDays(1), TimeSpan.FromMinutes(5));
    Console.WriteLine(claim.GetType().Name);
    return claim is IdempotencyClaim.Claimed ? 0 : 1;
}

if (args is ["begin-audit", var auditStore])
{
    await using var audits = await GovernanceStore.OpenAsync(auditStore, TimeProvider.System);
    Console.WriteLine($"{await audits.Audits.BeginAuditAsync("worker", "sha256:worker")} {Environment.ProcessId}");
    return 0;
}

if (args is not [var connection, var serviceId, var worker, var countText] || !int.TryParse(countText, out var count))
{
    await Console.Error.WriteLineAsync("usage: worker CONNECTION SERVICE-ID WORKER-NAME COUNT");
    return 64;
}

await using var store = await GovernanceStore.OpenAsync(connection, TimeProvider.System);
for (var i = 0; i < count; i++)
{
    var item = new RemediationItem($"{worker}-{i:D3}", $"Item {i} from {worker}") { OpenedOn = new DateOnly(2025, 1, 1) };
    var result = await store.ExecuteAsync(serviceId, new OpenRemediationItem(item), worker);
    if (result.Status != CommandStatus.Accepted)
    {
        await Console.Error.WriteLineAsync($"{item.Id}: {result.Status} {string.Join("; ", result.Errors)}");
        return 2;
    }
}

Console.WriteLine($"{worker}: {count} accepted");
return 0;
