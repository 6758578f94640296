using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Audits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Risks;

/// <summary>Audit runs, what one run found that the run before it did not (and the reverse), and the services similar to a service or a set of traits.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder) : PageModel
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

    public AuditRunDiff? Diff { get; private set; }

    public IReadOnlyList<SimilarService>? Similar { get; private set; }

    public string? SimilarError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Risks";
        ViewData["Section"] = "risks";
        var audits = holder.Store.Audits;
        Runs = await audits.ListAuditsAsync(RunsShown, cancellationToken);
        Diff = await audits.GetAuditDiffAsync(Run, cancellationToken);
        var traits = Traits?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (string.IsNullOrWhiteSpace(Like) && traits.Length == 0)
        {
            return;
        }

        if (await audits.GetAuditAsync(Diff?.RunId, cancellationToken) is not { } audit)
        {
            SimilarError = "No audit has succeeded yet: similarity is judged on an audit's traits.";
            return;
        }

        var index = SimilarityIndex.Build(audit.Result);
        var like = string.IsNullOrWhiteSpace(Like) ? null : EntityRefs.Normalize(Like, "component");
        if (like is not null && audit.Result.Profiles.All(profile => profile.ServiceId != like))
        {
            SimilarError = $"'{like}' has no risk traits at audit run {audit.Run.Id}, so nothing can be similar to it.";
            return;
        }

        Similar = like is not null ? index.Rank(like, SimilarShown) : index.RankByTraits(traits, SimilarShown);
    }
}
