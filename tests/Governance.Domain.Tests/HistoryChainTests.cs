using Governance.Domain.History;

namespace Governance.Domain.Tests;

public sealed class HistoryChainTests
{
    private static List<HistoryEntry> Chain(int length)
    {
        var entries = new List<HistoryEntry>();
        var previous = HistoryEntry.GenesisHash;
        for (var sequence = 1; sequence <= length; sequence++)
        {
            var entry = HistoryEntry.Create(sequence, Samples.Now.AddMinutes(sequence), "alice", $"service:s{sequence % 3}", "define-service", $$"""{"n":{{sequence}}}""", sequence, previous, null);
            entries.Add(entry);
            previous = entry.Hash;
        }

        return entries;
    }

    private static ChainVerification Verify(IEnumerable<HistoryEntry> entries, HistoryHead head)
    {
        var verifier = new ChainVerifier();
        foreach (var entry in entries)
        {
            if (!verifier.Accept(entry))
            {
                break;
            }
        }

        return verifier.Finish(head);
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var chain = Chain(10);

        var result = Verify(chain, HistoryHead.After(chain[^1]));

        Assert.True(result.IsIntact);
        Assert.Equal(10, result.EntriesChecked);
    }

    [Fact]
    public void An_edited_entry_is_named()
    {
        var chain = Chain(10);
        chain[4] = chain[4] with { Actor = "mallory" };

        var result = Verify(chain, HistoryHead.After(chain[^1]));

        Assert.Equal(new ChainBreak(5, "edited: its content no longer matches its hash"), result.FirstBreak);
        Assert.Equal(4, result.EntriesChecked);
    }

    [Fact]
    public void An_edited_entry_with_a_recomputed_hash_is_named_not_the_entry_after_it()
    {
        var chain = Chain(10);
        var edited = chain[4] with { Actor = "mallory" };
        chain[4] = edited with { Hash = edited.Recompute() };

        var result = Verify(chain, HistoryHead.After(chain[^1]));

        Assert.Equal(new ChainBreak(5, "edited: its hash was recomputed, so entry 6 no longer follows it"), result.FirstBreak);
        Assert.Equal(4, result.EntriesChecked);
        Assert.Equal(HistoryHead.After(chain[3]), result.Head);
    }

    [Fact]
    public void A_first_entry_rehashed_onto_another_previous_hash_is_named_as_edited()
    {
        var chain = Chain(3);
        var edited = chain[0] with { PreviousHash = new string('a', 64) };
        chain[0] = edited with { Hash = edited.Recompute() };

        var result = Verify(chain, HistoryHead.After(chain[^1]));

        Assert.Equal(new ChainBreak(1, "edited: its hash was recomputed, but its previous hash is not the genesis hash"), result.FirstBreak);
        Assert.Equal((0L, HistoryHead.Empty), (result.EntriesChecked, result.Head));
    }

    [Fact]
    public void A_deleted_entry_is_named()
    {
        var chain = Chain(10);
        chain.RemoveAt(6);

        var result = Verify(chain, HistoryHead.After(chain[^1]));

        Assert.Equal(7, result.FirstBreak!.Sequence);
        Assert.StartsWith("missing", result.FirstBreak.Problem);
    }

    [Fact]
    public void A_deleted_last_entry_is_caught_by_the_head()
    {
        var chain = Chain(10);
        var head = HistoryHead.After(chain[^1]);
        chain.RemoveAt(9);

        var result = Verify(chain, head);

        Assert.Equal(10, result.FirstBreak!.Sequence);
        Assert.StartsWith("missing", result.FirstBreak.Problem);
    }

    [Fact]
    public void Swapped_entries_are_named_as_reordered()
    {
        var chain = Chain(10);
        (chain[2], chain[3]) = (chain[3] with { Sequence = 3 }, chain[2] with { Sequence = 4 });

        var result = Verify(chain, HistoryHead.After(chain[^1]));

        Assert.Equal(3, result.FirstBreak!.Sequence);
        Assert.Equal("reordered: it holds what was recorded as entry 4", result.FirstBreak.Problem);
    }

    [Fact]
    public void A_formatted_time_parses_back_to_the_normalized_time()
    {
        var time = new DateTimeOffset(2025, 4, 1, 11, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var text = HistoryEntry.FormatTime(time);

        Assert.Equal("2025-04-01T09:30:00.123456Z", text);
        Assert.Equal(HistoryEntry.Normalize(time), HistoryEntry.ParseTime(text));
        Assert.Equal(TimeSpan.Zero, HistoryEntry.ParseTime(text).Offset);
    }

    [Fact]
    public void Hashes_cover_the_time_to_the_microsecond()
    {
        var entry = Chain(1)[0];

        Assert.NotEqual(entry.Hash, (entry with { RecordedAt = entry.RecordedAt.AddTicks(10) }).Recompute());
    }

    [Fact]
    public void A_fixed_entry_hashes_to_its_written_down_value()
    {
        // Worked out apart from the product: SHA-256 of the canonical array
        // [1,"2026-12-01T09:00:00.000000Z","user:sam","service:checkout","waive-trait",2,"{\u0022command\u0022:…}","000…0"],
        // with quotes in text written as \u0022. A change to the canonical form breaks every stored chain, so it must not pass unnoticed.
        var entry = HistoryEntry.Create(
            1,
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
            "user:sam",
            "service:checkout",
            "waive-trait",
            """{"command":"waive-trait","waiver":{"traitId":"no-runbook"}}""",
            2,
            HistoryEntry.GenesisHash,
            stateHash: null);

        Assert.Equal("fce61cdf7b7f7e3770bddcc59d75e9d1b3231093b79c7a3c1f69136407cc86de", entry.Hash);
    }

    [Fact]
    public void An_entry_with_a_state_hash_hashes_to_its_written_down_value()
    {
        // As above, with the state hash appended to the array: SHA-256 of {"id":"checkout"} is 70d5a582….
        var stateHash = StateHash.Of("""{"id":"checkout"}""");
        var entry = HistoryEntry.Create(
            1,
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
            "user:sam",
            "service:checkout",
            "waive-trait",
            """{"command":"waive-trait","waiver":{"traitId":"no-runbook"}}""",
            2,
            HistoryEntry.GenesisHash,
            stateHash);

        Assert.Equal("70d5a582d4ca78d2dd74503d0085a2c9f1b7b6c6e7cd860a5fb0c6bfc4b7f27b", stateHash);
        Assert.Equal("c5de9d79c715e3038739ab39772503756da98e38de5d7261852926a7227a09b8", entry.Hash);
    }

    [Fact]
    public void A_removed_state_hash_is_an_edit()
    {
        var entry = HistoryEntry.Create(1, Samples.Now, "alice", "service:s", "define-service", "{}", 1, HistoryEntry.GenesisHash, StateHash.Of("{}"));

        var result = Verify([entry with { StateHash = null }], HistoryHead.After(entry));

        Assert.Equal(new ChainBreak(1, "edited: its content no longer matches its hash"), result.FirstBreak);
    }

    [Fact]
    public void From_a_checkpoint_only_the_entries_after_it_are_checked()
    {
        var chain = Chain(10);
        var verifier = new ChainVerifier(HistoryHead.After(chain[5]));
        foreach (var entry in chain.Skip(6))
        {
            Assert.True(verifier.Accept(entry));
        }

        var result = verifier.Finish(HistoryHead.After(chain[^1]));

        Assert.True(result.IsIntact);
        Assert.Equal(4, result.EntriesChecked);
    }

    [Fact]
    public void An_entry_that_no_longer_follows_the_checkpoint_names_the_checkpoint()
    {
        var chain = Chain(10);
        var verifier = new ChainVerifier(new HistoryHead(6, new string('f', 64)));
        foreach (var entry in chain.Skip(6))
        {
            verifier.Accept(entry);
        }

        var result = verifier.Finish(HistoryHead.After(chain[^1]));

        Assert.Equal(new ChainBreak(6, "edited since it was verified: entry 7 no longer follows the hash it had then"), result.FirstBreak);
    }
}
