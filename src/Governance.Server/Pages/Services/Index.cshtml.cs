using Governance.Application.Browsing;
using Governance.Domain.Audit;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Browsing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Services;

/// <summary>The services: searched by id or name, filtered by team, tier, lifecycle and risk level, sorted, a page at a time.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Lifecycle { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public ServiceSort Sort { get; set; } = ServiceSort.Risk;

    // "page" is Razor Pages' own route value, so the page number travels as "p".
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ServiceSearchPage Results { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Services";
        ViewData["Section"] = "services";
        var search = new ServiceSearch(Q, Team, Tier, Lifecycle, Level, Sort, Math.Max(1, PageNumber), PageSize);
        Results = await ServiceDirectory.SearchAsync(holder.Store, search, cancellationToken);
    }

    /// <summary>This page's query with the page number <paramref name="page"/>.</summary>
    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["team"] = Team,
        ["tier"] = Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["lifecycle"] = Lifecycle,
        ["level"] = Level?.ToString(),
        ["sort"] = Sort.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToUriComponent();
}
