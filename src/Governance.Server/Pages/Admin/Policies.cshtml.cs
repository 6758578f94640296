using Governance.Application.Auditing;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Admin;

/// <summary>
/// The policy set the server judges by, where it was loaded from, and what the folder holds now (its problems as
/// <c>governance policies validate</c> reports them). Read-only: policies are files kept in a repository.
/// </summary>
[Authorize(Policy = Access.Administer)]
public sealed class PoliciesModel(ServerGrainHost host) : PageModel
{
    public PolicyFolderReport Report { get; private set; } = null!;

    public void OnGet()
    {
        ViewData["Title"] = "Policies";
        ViewData["Section"] = "admin";
        Report = PolicyFolderReport.Inspect(host.PolicyDirectory, host.Policies.Set);
    }
}
