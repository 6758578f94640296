using System.Xml.Linq;
using Governance.Server.Hosting;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Governance.Server.Identity;

/// <summary>
/// Keeps the data-protection key ring in the store, so that sessions and antiforgery tokens hold across restarts and
/// nodes. The framework's interface is synchronous; it reads the ring rarely (at start and when a key is due).
/// </summary>
public sealed class StoreKeyRepository(StoreHolder holder) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. holder.Store.KeyRing.ReadAllAsync().GetAwaiter().GetResult().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) =>
        holder.Store.KeyRing.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
