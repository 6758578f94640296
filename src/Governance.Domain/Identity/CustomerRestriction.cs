using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Domain.Identity;

/// <summary>
/// A service as one reader may see it: whole for every role but the viewer's; for a viewer, each customer-restricted remediation
/// item keeps its id, status, priority and dates (so that progress still adds up) and loses what it says.
/// </summary>
public static class CustomerRestriction
{
    /// <summary>What a viewer reads in place of a restricted item's title.</summary>
    public const string WithheldTitle = "Restricted: concerns a customer";

    public static ServiceState For(Account reader, ServiceState service)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(service);
        return AccessRules.CanReadCustomerRestricted(reader) || !service.RemediationItems.Any(item => item.CustomerRestricted)
            ? service
            : service with { RemediationItems = [.. service.RemediationItems.Select(item => For(reader, item))] };
    }

    public static RemediationItem For(Account reader, RemediationItem item)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(item);
        return !item.CustomerRestricted || AccessRules.CanReadCustomerRestricted(reader)
            ? item
            : item with { Title = WithheldTitle, Description = null, Owner = null, CustomerFacing = null };
    }
}
