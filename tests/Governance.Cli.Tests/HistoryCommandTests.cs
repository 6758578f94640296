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
            Assert.Contains($"History BROKEN at entry {sequence}: edited", verify.Error);
        }
    }

    [Fact]
    public async Task A_deleted_row_is_named()
    {
        await ImportAsync();
        Execute("DELETE FROM history WHERE sequence = 3");

        var verify = await _cli.InvokeAsync("history", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("History BROKEN at entry 3: missing", verify.Error);
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

    private async Task ImportAsync()
    {
        var services = string.Concat(Enumerable.Range(1, Services).Select(index => $"  - id: svc-{index}\n    name: Service {index}\n"));
        var path = Path.Combine(_cli.Folder, "fleet.yaml");
        await File.WriteAllTextAsync(path, $"apiVersion: governance/v1\nkind: Fleet\nteams:\n  - id: team-a\nservices:\n{services}");
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
