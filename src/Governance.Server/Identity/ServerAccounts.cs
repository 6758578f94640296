using Governance.Application.Identity;
using Governance.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Governance.Server.Identity;

/// <summary>The local accounts of the server's store, with the configured lockout.</summary>
public sealed class ServerAccounts(StoreHolder holder, TimeProvider time, IOptions<IdentityOptions> options)
{
    public LocalAccounts Accounts => new(holder.Store, time, new LockoutPolicy(options.Value.LockoutAttempts, options.Value.LockoutDuration));
}
