using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Server.Auditing;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Audits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Risks;

/// <summary>Audit runs, what one run found that the run before it did not (and the reverse), and the services similar to a service or a set of traits.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder, SimilarityIndexCache similarity) : PageModel
{
    private const int RunsShown = 20;
    private const int SimilarShown = 15;

    /// <summary>The run to show; the latest succeeded one when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Like { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Traits { get; set; }

    public IReadOnlyList<AuditRun> Runs { get; private set; } = [];

    /// <summary>The shown run's diff against the run before it: its counts and the first findings of each list.</summary>
    public AuditRunChangeList? Changes { get; private set; }

    public IReadOnlyList<SimilarService>? Similar { get; private set; }

    public string? SimilarError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Risks";
        ViewData["Section"] = "risks";
        var audits = holder.Store.Audits;
        Runs = await audits.ListAuditsAsync(RunsShown, cancellationToken);
        Changes = await audits.GetChangeListAsync(Run, cancellationToken);
        var traits = Traits?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (string.IsNullOrWhiteSpace(Like) && traits.Length == 0)
        {
            return;
        }

        if (await similarity.GetAsync(Changes?.Counts.RunId, cancellationToken) is not { } run)
        {
            SimilarError = "No audit has succeeded yet: similarity is judged on an audit's traits.";
            return;
        }

        var like = string.IsNullOrWhiteSpace(Like) ? null : EntityRefs.Normalize(Like, "component");
        if (like is not null && !run.Index.Covers(like))
        {
            SimilarError = $"'{like}' has no risk traits at audit run {run.RunId}, so nothing can be similar to it.";
            return;
        }

        Similar = like is not null ? run.Index.Rank(like, SimilarShown) : run.Index.RankByTraits(traits, SimilarShown);
    }
}
