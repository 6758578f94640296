using Microsoft.Data.Sqlite;

namespace Governance.Cli.Tests;

public sealed class HistoryCommandTests : IDisposable
{
    private const int Services = 6;
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_untouched_history_verifies()
    {
        await ImportAsync();

        var verify = await _cli.InvokeAsync("history", "verify");

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains($"History intact: {Services + 1} entries", verify.Output);
    }

    [Fact]
    public async Task Tampering_with_any_row_fails_verification_and_names_the_entry()
    {
        await ImportAsync();
        var pristine = Path.Combine(_cli.Folder, "pristine.db");
        Checkpoint();
        File.Copy(_cli.Database, pristine);

        for (var sequence = 1; sequence <= Services + 1; sequence++)
        {
            Restore(pristine);
            Execute($"UPDATE history SET actor = 'mallory' WHERE sequence = {sequence}");

            var verify = await _cli.InvokeAsync("history", "verify");

            Assert.Equal(1, verify.ExitCode);
            Assert.Contains("History BROKEN: 1 problem(s).", verify.Error);
            Assert.Contains($"  entry {sequence}: edited", verify.Error);
        }
    }

    [Fact]
    public async Task Editing_any_state_row_fails_verification_and_names_its_service_or_entity()
    {
        await ImportAsync();
        var pristine = Path.Combine(_cli.Folder, "pristine.db");
        Checkpoint();
        File.Copy(_cli.Database, pristine);
        var rows = Enumerable.Range(1, Services)
            .Select(index => ($"services WHERE id = 'svc-{index}'", $"service:svc-{index}"))
            .Append(("catalog_entities WHERE kind = 'group' AND id = 'team-a'", "group:team-a"));

        foreach (var (row, subject) in rows)
        {
            Restore(pristine);
            Execute($"UPDATE {row.Replace(" WHERE", " SET state = REPLACE(state, '}', ',\"note\":\"edited by hand\"}') WHERE", StringComparison.Ordinal)}");

            var verify = await _cli.InvokeAsync("history", "verify");

            Assert.Equal(1, verify.ExitCode);
            Assert.Contains("History BROKEN: 1 problem(s).", verify.Error);
            Assert.Contains($"  {subject}: the state is not the one entry ", verify.Error);
            Assert.Contains("edited outside the product", verify.Error);
        }
    }

    [Fact]
    public async Task An_incremental_verification_starts_at_the_checkpoint_the_last_one_left()
    {
        await ImportAsync();
        Assert.Equal(0, (await _cli.InvokeAsync("history", "verify")).ExitCode);
        await ImportAsync(Services + 1);

        var verify = await _cli.InvokeAsync("history", "verify", "--incremental");

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains($"History intact: 1 entries from entry {Services + 2} (the checkpoint)", verify.Output);
        Assert.Contains($"{Services + 2} current states checked against it", verify.Output);
    }

    [Fact]
    public async Task A_deleted_row_is_named()
    {
        await ImportAsync();
        Execute("DELETE FROM history WHERE sequence = 3");

        var verify = await _cli.InvokeAsync("history", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("  entry 3: missing", verify.Error);
    }

    [Fact]
    public async Task The_history_of_one_service_lists_its_entries()
    {
        await ImportAsync();

        var history = await _cli.InvokeAsync("history", "svc-2");

        Assert.Equal(0, history.ExitCode);
        Assert.Contains("define-service", history.Output);
        Assert.Contains("1 entries for service:svc-2", history.Output);
    }

    private async Task ImportAsync(int services = Services)
    {
        var definitions = string.Concat(Enumerable.Range(1, services).Select(index => $"  - id: svc-{index}\n    name: Service {index}\n"));
        var path = Path.Combine(_cli.Folder, "fleet.yaml");
        await File.WriteAllTextAsync(path, $"apiVersion: governance/v1\nkind: Fleet\nteams:\n  - id: team-a\nservices:\n{definitions}");
        var import = await _cli.InvokeAsync("import", path);
        Assert.True(import.ExitCode == 0, import.Error);
    }

    private void Restore(string pristine)
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_cli.Database + "-wal");
        File.Delete(_cli.Database + "-shm");
        File.Copy(pristine, _cli.Database, overwrite: true);
    }

    private void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE)");

    // An attacker with the file: the append-only triggers go first, then the row.
    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_cli.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            DROP TRIGGER IF EXISTS history_no_update;
            DROP TRIGGER IF EXISTS history_no_delete;
            {sql};
            """;
        command.ExecuteNonQuery();
    }
}
