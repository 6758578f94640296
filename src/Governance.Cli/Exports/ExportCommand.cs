using System.CommandLine;
using System.Globalization;
using Governance.Application.Exports;
using Governance.Cli.Infrastructure;

namespace Governance.Cli.Exports;

/// <summary><c>governance export workbook --out FILE</c>: the leader's fleet workbook (.xlsx) from the store.</summary>
public sealed class ExportCommand
{
    private readonly Option<string> _out = new("--out") { Description = "The .xlsx file to write (replaced when it exists; its folder must exist)", Required = true };

    public static Command Create(CommandBinder binder) => new ExportCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("export", "Export the fleet for people who read it elsewhere")
    {
        binder.Bind(
            new Command("workbook", "Write the fleet workbook (.xlsx): summary, services, the latest audit's risks, remediation items, waivers") { _out },
            RunAsync),
    };

    private async Task<int> RunAsync(Invocation run)
    {
        var target = Target(run.Get(_out));
        await using var store = await run.OpenExistingStoreAsync();
        var result = await WriteAtomicallyAsync(target, output => FleetWorkbook.WriteAsync(store, output, run.Context.Time, cancellationToken: run.CancellationToken), run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(new { File = target, result.ExportedAt, result.RunId, result.Sheets });
            return ExitCodes.Success;
        }

        var console = run.Context.Console;
        var rows = string.Join(", ", result.Sheets.Select(sheet => string.Create(CultureInfo.InvariantCulture, $"{sheet.Rows:N0} {sheet.Name.ToLowerInvariant()}")));
        console.WriteLine($"Wrote {target}: {rows} rows ({(result.RunId is { } runId ? $"risks of audit run {runId}" : "no audit has succeeded: no risks")}).");
        foreach (var cut in result.Sheets.Where(sheet => sheet.Omitted > 0))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cut.Name}: {cut.Omitted:N0} rows did not fit in an Excel sheet and were left out (the Summary sheet says so)."));
        }

        return ExitCodes.Success;
    }

    /// <summary>The full path of <paramref name="path"/>, which must name a file in a folder that exists.</summary>
    private static string Target(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliException(ExitCodes.Usage, "--out needs a file name");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliException(ExitCodes.Usage, $"--out '{path}' is not a file path: {exception.Message}");
        }

        if (Directory.Exists(full))
        {
            throw new CliException(ExitCodes.Usage, $"--out '{path}' is a folder; name the .xlsx file to write");
        }

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new CliException(ExitCodes.Usage, $"--out '{path}': the folder {Path.GetDirectoryName(full)} does not exist");
        }

        return full;
    }

    /// <summary>
    /// Writes into a temporary file beside <paramref name="target"/> and moves it into place only once the write succeeded:
    /// a failure or an interruption leaves the target as it was and no partial file behind.
    /// </summary>
    private static async Task<T> WriteAtomicallyAsync<T>(string target, Func<Stream, Task<T>> write, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                result = await write(output);
                await output.FlushAsync(cancellationToken);
                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            return result;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InternalError, $"cannot write {target}: {exception.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
