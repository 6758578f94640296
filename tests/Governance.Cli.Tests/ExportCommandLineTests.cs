namespace Governance.Cli.Tests;

/// <summary><c>export workbook</c>'s command line: what it refuses, and that it never leaves a partial file behind.</summary>
public sealed class ExportCommandLineTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Without_out_it_is_a_usage_error()
    {
        Assert.Equal(2, (await _cli.InvokeAsync("export", "workbook")).ExitCode);
    }

    [Fact]
    public async Task An_out_that_is_a_folder_or_in_a_missing_folder_is_a_usage_error_and_writes_nothing()
    {
        await _cli.InvokeAsync("init");
        var missing = Path.Combine(_cli.Folder, "no-such-folder", "fleet.xlsx");

        var folder = await _cli.InvokeAsync("export", "workbook", "--out", _cli.Folder);
        var nowhere = await _cli.InvokeAsync("export", "workbook", "--out", missing);

        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a folder", folder.Error);
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("does not exist", nowhere.Error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task A_missing_store_is_not_created_and_no_file_is_written()
    {
        var target = Path.Combine(_cli.Folder, "fleet.xlsx");

        var export = await _cli.InvokeAsync("export", "workbook", "--out", target);

        Assert.Equal(6, export.ExitCode);
        Assert.Empty(Directory.GetFiles(_cli.Folder));
    }

    [Fact]
    public async Task An_existing_file_is_replaced_whole_and_no_temporary_file_is_left()
    {
        await _cli.InvokeAsync("init");
        var target = Path.Combine(_cli.Folder, "fleet.xlsx");
        await File.WriteAllTextAsync(target, "an older export");

        var export = await _cli.InvokeAsync("export", "workbook", "--out", target);

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains($"Wrote {target}: 0 services, 0 risks, 0 remediation, 0 waivers rows (no audit has succeeded: no risks).", export.Output);
        var bytes = await File.ReadAllBytesAsync(target);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(["fleet.xlsx"], Directory.GetFiles(_cli.Folder, "*fleet.xlsx*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_export_is_the_same_bytes_for_the_same_store_at_the_same_time()
    {
        await _cli.InvokeAsync("demo");
        var first = Path.Combine(_cli.Folder, "first.xlsx");
        var second = Path.Combine(_cli.Folder, "second.xlsx");

        await _cli.InvokeAsync("export", "workbook", "--out", first);
        await _cli.InvokeAsync("export", "workbook", "--out", second);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }
}
