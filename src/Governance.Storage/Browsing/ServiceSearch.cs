using Governance.Domain.Audit;
using Governance.Domain.Catalog;

namespace Governance.Storage.Browsing;

/// <summary>The order of a page of services; every order ends with the id, so that pages never overlap.</summary>
public enum ServiceSort
{
    Id,
    Name,

    /// <summary>Tier 0 first, unclassified last.</summary>
    Tier,

    /// <summary>Highest score at the latest audit first.</summary>
    Risk,
}

/// <summary>
/// One page of services to find. Every filter left null matches all; <see cref="Text"/> matches part of the id or the name,
/// whatever the case; <see cref="Level"/> is the risk level at the latest succeeded audit (<see cref="RiskLevel.None"/>:
/// audited and nothing found). <see cref="Page"/> counts from 1.
/// </summary>
public sealed record ServiceSearch(
    string? Text = null,
    string? Team = null,
    int? Tier = null,
    string? Lifecycle = null,
    RiskLevel? Level = null,
    ServiceSort Sort = ServiceSort.Id,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;
}

/// <summary>A service's score and level at one audit run.</summary>
public sealed record RunRisk(int Score, RiskLevel Level);

/// <summary>
/// One service as a list shows it. <see cref="Risk"/> is as of the latest succeeded audit, null when that run did not audit the
/// service (it is newer) or no audit has succeeded; <see cref="OpenItems"/> counts its items open or in progress.
/// </summary>
public sealed record ServiceListing(string Id, string Name, string? Team, int? Tier, string? Lifecycle, UnitOfFailure? Exposure, RunRisk? Risk, int OpenItems);

/// <summary>A page of services, how many match in all, and the audit run their risk is from (null: none has succeeded).</summary>
public sealed record ServiceSearchPage(IReadOnlyList<ServiceListing> Services, int Total, int Page, int PageSize, long? RunId)
{
    /// <summary>How many pages the matches fill.</summary>
    public int Pages => (Total + PageSize - 1) / PageSize;
}
