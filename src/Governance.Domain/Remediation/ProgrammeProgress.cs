using Governance.Domain.Catalog;

namespace Governance.Domain.Remediation;

/// <summary>How far one remediation programme has come: "32 of 37 done", and what was done in which quarter.</summary>
public sealed record ProgrammeProgress(
    string Programme,
    int Identified,
    int Done,
    int InFlight,
    int WontDo,
    int LongerTerm,
    IReadOnlyList<QuarterCount> DoneByQuarter)
{
    /// <summary>Progress of every programme named on the items of <paramref name="services"/>, largest first.</summary>
    public static IReadOnlyList<ProgrammeProgress> Of(IEnumerable<ServiceState> services) =>
    [
        .. services
            .SelectMany(service => service.RemediationItems)
            .Where(item => item.Programme is not null)
            .GroupBy(item => item.Programme!, StringComparer.Ordinal)
            .Select(Summarize)
            .OrderByDescending(progress => progress.Identified)
            .ThenBy(progress => progress.Programme, StringComparer.Ordinal),
    ];

    private static ProgrammeProgress Summarize(IGrouping<string, RemediationItem> items) => new(
        items.Key,
        items.Count(),
        items.Count(item => item.Status == RemediationStatus.Done),
        items.Count(item => item.Status is RemediationStatus.Open or RemediationStatus.InProgress),
        items.Count(item => item.Status == RemediationStatus.WontDo),
        items.Count(item => item.Term == RemediationTerm.LongerTerm && item.Status != RemediationStatus.Done),
        [
            .. items
                .Where(item => item.CompletedAt is not null)
                .GroupBy(item => Quarter.Of(DateOnly.FromDateTime(item.CompletedAt!.Value.UtcDateTime)))
                .OrderBy(group => group.Key.Year).ThenBy(group => group.Key.Number)
                .Select(group => new QuarterCount(group.Key, group.Count())),
        ]);
}

/// <summary>How many items were completed in one quarter.</summary>
public sealed record QuarterCount(Quarter Quarter, int Count);
