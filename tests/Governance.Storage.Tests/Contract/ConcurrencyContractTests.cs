using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Many writers on one aggregate, in one process and in several: no lost update, no lock error, one history entry per change.</summary>
public abstract class ConcurrencyContractTests : StoreTestBase
{
    [StoreFact]
    public async Task Sixteen_store_instances_adding_items_to_one_service_lose_no_update()
    {
        const int Writers = 16;
        const int ItemsEach = 5;
        await Store.ExecuteAsync("hot", Catalog.Service("hot"), "setup");

        // Each writer opens its own store (and so runs the migration check concurrently too).
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            var statuses = new List<CommandStatus>();
            for (var i = 0; i < ItemsEach; i++)
            {
                statuses.Add((await store.ExecuteAsync("hot", Catalog.Item($"w{writer:D2}-{i}"), $"writer-{writer}")).Status);
            }

            return statuses;
        })));

        Assert.All(results.SelectMany(statuses => statuses), status => Assert.Equal(CommandStatus.Accepted, status));
        await AssertEveryItemOnceAsync(Writers * ItemsEach, [.. from w in Enumerable.Range(0, Writers) from i in Enumerable.Range(0, ItemsEach) select $"w{w:D2}-{i}"]);
    }

    [StoreFact]
    public async Task Four_processes_writing_one_database_lose_no_update()
    {
        const int Processes = 4;
        const int Commands = 25;
        await Store.ExecuteAsync("hot", Catalog.Service("hot"), "setup");

        var runs = await Task.WhenAll(Enumerable.Range(0, Processes)
            .Select(p => WorkerProcess.RunAsync(Database.ConnectionString, "hot", $"p{p}", Commands.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, $"worker exited with {run.ExitCode}: {run.Output}"));
        Assert.All(runs, run => Assert.DoesNotContain("database is locked", run.Output, StringComparison.OrdinalIgnoreCase));
        await AssertEveryItemOnceAsync(Processes * Commands, [.. from p in Enumerable.Range(0, Processes) from i in Enumerable.Range(0, Commands) select $"p{p}-{i:D3}"]);
    }

    [StoreFact]
    public async Task Concurrent_batches_and_commands_keep_one_chain()
    {
        await Store.ExecuteAsync("hot", Catalog.Service("hot"), "setup");
        var batches = Enumerable.Range(0, 4).Select(b => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            var batch = new CatalogBatch([.. Enumerable.Range(0, 20).Select(i => Catalog.Service($"b{b}-{i:D2}"))], [Catalog.Group($"team-{b}")]);
            return (await store.ApplyBatchAsync(batch, $"importer-{b}")).Created;
        }));
        var commands = Enumerable.Range(0, 4).Select(c => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            for (var i = 0; i < 5; i++)
            {
                await store.ExecuteAsync("hot", Catalog.Item($"c{c}-{i}"), $"writer-{c}");
            }

            return 5;
        }));

        var counts = await Task.WhenAll(batches.Concat(commands));

        Assert.Equal([21, 21, 21, 21, 5, 5, 5, 5], counts);
        var history = await HistoryAsync();
        Assert.Equal(1 + 84 + 20, history.Count);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(n => (long)n), history.Select(entry => entry.Sequence));
        var verification = await Store.VerifyHistoryAsync();
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(21, (await Store.GetServiceAsync("hot"))!.Version);
    }

    [StoreFact]
    public async Task History_verifies_while_another_transaction_holds_the_head()
    {
        await Store.ExecuteAsync("hot", Catalog.Service("hot"), "setup");
        await Store.ExecuteAsync("hot", Catalog.Item("one"), "setup");

        HistoryVerification verification;
        await using (await Database.HoldHistoryHeadAsync())
        {
            // Bounded: a verification that queues behind the holder would wait for as long as it holds the head.
            verification = await Store.VerifyHistoryAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal((2L, 2L), (verification.EntriesChecked, verification.Head.Sequence));
        Assert.Equal(CommandStatus.Accepted, (await Store.ExecuteAsync("hot", Catalog.Item("two"), "setup")).Status);
    }

    [StoreFact]
    public async Task History_verifies_while_writers_append()
    {
        const int Writers = 4;
        const int ItemsEach = 20;
        await Store.ExecuteAsync("hot", Catalog.Service("hot"), "setup");
        var verifier = await OpenStoreAsync();
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var store = await OpenStoreAsync();
            for (var i = 0; i < ItemsEach; i++)
            {
                await store.ExecuteAsync("hot", Catalog.Item($"w{writer}-{i:D2}"), $"writer-{writer}");
            }
        })));

        var verifications = new List<HistoryVerification>();
        try
        {
            do
            {
                verifications.Add(await verifier.VerifyHistoryAsync());
            }
            while (!writing.IsCompleted);
        }
        finally
        {
            // Writers left running would still be opening stores while the test closes them.
            await writing;
        }

        // Intact means the head read matched the log read: both came from one snapshot.
        Assert.All(verifications, verification => Assert.True(verification.IsIntact, verification.FirstBreak?.ToString()));
        Assert.All(verifications, verification => Assert.Equal(verification.Head.Sequence, verification.EntriesChecked));
        Assert.Equal(1 + (Writers * ItemsEach), (await verifier.VerifyHistoryAsync()).EntriesChecked);
    }

    private async Task AssertEveryItemOnceAsync(int commands, string[] expectedItems)
    {
        var service = await Store.GetServiceAsync("hot");
        Assert.NotNull(service);
        Assert.Equal(1 + commands, service.Version);
        Assert.Equal(expectedItems.Order(StringComparer.Ordinal), service.State.RemediationItems.Select(item => item.Id));

        var history = await HistoryAsync("service:hot");
        Assert.Equal(Enumerable.Range(1, 1 + commands).Select(v => (long)v), history.Select(entry => entry.Version));
        Assert.Equal(commands, history.Count(entry => entry.Command == OpenRemediationItem.CommandName));
        Assert.Equal(1 + commands, await CountAsync("history"));
        var verification = await Store.VerifyHistoryAsync();
        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(1 + commands, verification.EntriesChecked);
    }
}
