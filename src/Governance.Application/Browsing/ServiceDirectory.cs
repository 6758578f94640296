using Governance.Domain.Catalog;
using Governance.Storage;
using Governance.Storage.Browsing;

namespace Governance.Application.Browsing;

/// <summary>The services list: a page of services for a search, from the store's indexes (fast at 100,000 services).</summary>
public static class ServiceDirectory
{
    /// <summary>
    /// The page of <paramref name="search"/> as a form sends it: blank text, team or lifecycle filter nothing, text is trimmed,
    /// and a team may be written as a reference (<c>group:payments</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The page is below 1, or its size below 1 or above <see cref="ServiceSearch.MaxPageSize"/>.</exception>
    public static Task<ServiceSearchPage> SearchAsync(GovernanceStore store, ServiceSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(search);
        return store.SearchServicesAsync(
            search with
            {
                Text = Blank(search.Text) ? null : search.Text!.Trim(),
                Team = Blank(search.Team) ? null : EntityRefs.Normalize(search.Team!.Trim(), EntityKinds.Group),
                Lifecycle = Blank(search.Lifecycle) ? null : search.Lifecycle!.Trim(),
            },
            cancellationToken);
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
