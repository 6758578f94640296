using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

/// <summary>Dates are aged in whole days from the audit's UTC day; the audit time is a parameter, never the clock.</summary>
public sealed class DurationTests
{
    private static readonly DateTimeOffset At = new(2021, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(89, false, true)]
    [InlineData(90, false, true)]
    [InlineData(91, true, false)]
    public void Older_than_and_within_split_at_the_duration(int daysAgo, bool olderThan, bool within)
    {
        var fleet = GameDay(new DateOnly(2021, 7, 1).AddDays(-daysAgo));

        Assert.Equal(olderThan, Judge.Flagged("fact: lastGameDay\nolderThan: 90d", fleet, at: At).Count == 1);
        Assert.Equal(within, Judge.Flagged("fact: lastGameDay\nwithin: 90d", fleet, at: At).Count == 1);
    }

    [Theory]
    [InlineData("olderThan: 12h", 1, true)]
    [InlineData("olderThan: 12h", 0, false)]
    [InlineData("olderThan: 1440m", 1, false)]
    [InlineData("olderThan: 1440m", 2, true)]
    [InlineData("olderThan: 2w", 14, false)]
    [InlineData("olderThan: 2w", 15, true)]
    [InlineData("within: 26w", 182, true)]
    [InlineData("within: 26w", 183, false)]
    public void Durations_are_minutes_hours_days_or_weeks(string comparison, int daysAgo, bool holds) =>
        Assert.Equal(holds, Judge.Flagged($"fact: lastGameDay\n{comparison}", GameDay(new DateOnly(2021, 7, 1).AddDays(-daysAgo)), at: At).Count == 1);

    [Fact]
    public void The_same_facts_judged_at_a_later_time_have_aged()
    {
        var fleet = GameDay(new DateOnly(2021, 5, 1));

        Assert.Empty(Judge.Flagged("fact: lastGameDay\nolderThan: 90d", fleet, at: At));
        Assert.Equal(["svc"], Judge.Flagged("fact: lastGameDay\nolderThan: 90d", fleet, at: At.AddDays(31)));
    }

    [Fact]
    public void The_audit_day_is_the_utc_day_of_the_audit_time()
    {
        var fleet = GameDay(new DateOnly(2021, 6, 30));
        var earlyMorningEast = new DateTimeOffset(2021, 7, 1, 3, 0, 0, TimeSpan.FromHours(5));

        Assert.Empty(Judge.Flagged("fact: lastGameDay\nolderThan: 12h", fleet, at: earlyMorningEast));
        Assert.Equal(["svc"], Judge.Flagged("fact: lastGameDay\nolderThan: 12h", fleet, at: earlyMorningEast.AddHours(12)));
    }

    [Fact]
    public void A_date_in_the_future_is_within_any_duration_and_older_than_none() =>
        Assert.Equal((0, 1), (Judge.Flagged("fact: lastGameDay\nolderThan: 0d", GameDay(new DateOnly(2021, 8, 1)), at: At).Count,
            Judge.Flagged("fact: lastGameDay\nwithin: 0d", GameDay(new DateOnly(2021, 8, 1)), at: At).Count));

    [Fact]
    public void An_unknown_date_is_neither_older_nor_within()
    {
        var fleet = new TestFleet().Add("svc", change: service => service.WithFacts(facts => facts with { LastGameDay = null }));

        Assert.Empty(Judge.Flagged("fact: lastGameDay\nolderThan: 1d", fleet, at: At));
        Assert.Empty(Judge.Flagged("fact: lastGameDay\nwithin: 100w", fleet, at: At));
        Assert.Equal(["svc"], Judge.Flagged("any: [{ absent: lastGameDay }, { fact: lastGameDay, olderThan: 180d }]", fleet, at: At));
    }

    [Fact]
    public void The_last_resilience_exercise_is_the_later_of_chaos_experiment_and_game_day()
    {
        var fleet = new TestFleet()
            .Add("chaos-recent", change: service => service.WithFacts(facts => facts with { LastChaosExperiment = new DateOnly(2021, 6, 1), LastGameDay = new DateOnly(2020, 1, 1) }))
            .Add("game-day-recent", change: service => service.WithFacts(facts => facts with { LastChaosExperiment = null, LastGameDay = new DateOnly(2021, 6, 1) }))
            .Add("both-old", change: service => service.WithFacts(facts => facts with { LastChaosExperiment = new DateOnly(2020, 1, 1), LastGameDay = new DateOnly(2020, 2, 1) }))
            .Add("never", change: service => service.WithFacts(facts => facts with { LastChaosExperiment = null, LastGameDay = null }));

        Assert.Equal(["both-old"], Judge.Flagged("fact: lastResilienceExercise\nolderThan: 90d", fleet, at: At));
        Assert.Equal(["never"], Judge.Flagged("absent: lastResilienceExercise", fleet, at: At));
    }

    private static TestFleet GameDay(DateOnly day) => new TestFleet().Add("svc", change: service => service.WithFacts(facts => facts with { LastGameDay = day }));
}
