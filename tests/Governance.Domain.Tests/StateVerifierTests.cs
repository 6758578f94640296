using Governance.Domain.History;

namespace Governance.Domain.Tests;

public sealed class StateVerifierTests
{
    private const string State = """{"id":"checkout","tier":1}""";

    // The last entry of the row's subject recorded version 3 and the hash of State.
    private static StoredStateRow Row(string json = State, long version = 3, long? lastVersion = 3, bool hashed = true) =>
        new("service:checkout", version, json, lastVersion is null ? null : 42, lastVersion, hashed ? StateHash.Of(State) : null);

    private static StateVerification Check(params StoredStateRow[] rows)
    {
        var verifier = new StateVerifier();
        foreach (var row in rows)
        {
            verifier.Accept(row);
        }

        return verifier.Finish();
    }

    [Fact]
    public void A_state_its_history_produced_verifies()
    {
        var result = Check(Row());

        Assert.True(result.IsIntact);
        Assert.Equal((1L, 0L), (result.StatesChecked, result.StatesNotCovered));
    }

    [Fact]
    public void An_edited_state_is_named()
    {
        var result = Check(Row(json: """{"id":"checkout","tier":3}"""));

        Assert.Equal(
            [new StateMismatch("service:checkout", "the state is not the one entry 42 recorded: it was edited outside the product")],
            result.Mismatches);
    }

    [Fact]
    public void A_row_whose_version_was_edited_is_named()
    {
        var result = Check(Row(version: 4));

        Assert.Equal(
            "service:checkout: the row is at version 4 but its history ends at version 3 (entry 42): it was edited outside the product",
            Assert.Single(result.Mismatches).ToString());
    }

    [Fact]
    public void A_row_with_no_history_is_named()
    {
        var result = Check(Row(lastVersion: null, hashed: false));

        Assert.Equal("service:checkout: the state row has no history: it was written outside the product", Assert.Single(result.Mismatches).ToString());
    }

    [Fact]
    public void A_state_written_before_states_were_hashed_is_counted_not_covered()
    {
        var result = Check(Row(json: "anything", hashed: false));

        Assert.True(result.IsIntact);
        Assert.Equal(1, result.StatesNotCovered);
    }

    [Fact]
    public void A_deleted_row_is_named()
    {
        var verifier = new StateVerifier();
        verifier.AcceptMissingRow("group:team-a", 7);

        Assert.Equal(
            "group:team-a: its history (last entry 7) has no current state row: the row was deleted outside the product",
            Assert.Single(verifier.Finish().Mismatches).ToString());
    }

    [Fact]
    public void Past_the_listed_hundred_mismatches_are_counted()
    {
        var result = Check([.. Enumerable.Repeat(Row(json: "{}"), 150)]);

        Assert.Equal(150, result.MismatchCount);
        Assert.Equal(100, result.Mismatches.Count);
    }
}
