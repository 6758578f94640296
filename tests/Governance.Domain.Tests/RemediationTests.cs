using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Domain.Tests;

public sealed class RemediationTests
{
    [Theory]
    [InlineData("2021-Q3", 2021, 3)]
    [InlineData("2021-q1", 2021, 1)]
    public void Quarters_parse(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
    }

    [Theory]
    [InlineData("2021-Q5")]
    [InlineData("21-Q1")]
    [InlineData("2021Q1")]
    public void Malformed_quarters_do_not_parse(string text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void A_quarter_ends_on_its_last_day() => Assert.Equal(new DateOnly(2021, 9, 30), new Quarter(2021, 3).LastDay);

    [Theory]
    [InlineData("2021-Q2", RemediationTerm.ShortTerm)]
    [InlineData("2021-Q4", RemediationTerm.LongerTerm)]
    public void Items_due_more_than_180_days_after_opening_are_longer_term(string quarter, RemediationTerm expected)
    {
        Quarter.TryParse(quarter, out var target);

        Assert.Equal(expected, (Samples.Item("A") with { TargetQuarter = target }).Term);
    }

    [Fact]
    public void Programme_progress_counts_done_items_by_quarter()
    {
        var services = new[]
        {
            new ServiceState(Samples.Profile("a")) { RemediationItems = [Samples.Item("1", RemediationStatus.Done), Samples.Item("2")] },
            new ServiceState(Samples.Profile("b"))
            {
                RemediationItems =
                [
                    Samples.Item("3", RemediationStatus.Done) with { CompletedAt = new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.Zero) },
                    Samples.Item("4", programme: null),
                ],
            },
        };

        var progress = Assert.Single(ProgrammeProgress.Of(services));

        Assert.Equal(("INC-1", 3, 2, 1), (progress.Programme, progress.Identified, progress.Done, progress.InFlight));
        Assert.Equal([new QuarterCount(new Quarter(2021, 1), 1), new QuarterCount(new Quarter(2021, 2), 1)], progress.DoneByQuarter);
    }
}
