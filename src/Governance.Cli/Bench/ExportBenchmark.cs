using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Governance.Application.Exports;
using Governance.Cli.Infrastructure;

namespace Governance.Cli.Bench;

/// <summary>
/// <c>governance bench export</c>: the fleet workbook of a generated fleet, timed. The fleet is generated, imported and audited
/// by child processes; the workbook is then written twice in this process, to a file, as <c>export workbook</c> writes it (the
/// first in a fresh process, the next as a running server would), so that the peak memory is the export's.
/// </summary>
public sealed class ExportBenchmark
{
    private readonly Option<int> _services = new("--services") { Description = "How many services the generated fleet has", DefaultValueFactory = _ => 20_000 };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed of the generated fleet", DefaultValueFactory = _ => 1 };

    public static Command Create(CommandBinder binder) => new ExportBenchmark().Build(binder);

    private Command Build(CommandBinder binder) => binder.Bind(
        new Command("export", "Generate, import and audit a fleet (in child processes), then time its workbook export: seconds, peak memory, file size") { _services, _seed },
        RunAsync);

    private Task<int> RunAsync(Invocation run) =>
        BenchProcess.MeasureAuditedFleetAsync(run, "export", run.Get(_services), run.Get(_seed), (database, workspace) => MeasureAsync(run, database, Path.Combine(workspace, "fleet.xlsx")));

    private static async Task<ExportFigures> MeasureAsync(Invocation run, string database, string file)
    {
        await using var store = await run.OpenExistingStoreAsync(database);
        var (first, result) = await ExportOnceAsync(store, run, file);
        var size = new FileInfo(file).Length;

        // The first export's garbage is collected, so that the peak is one export's, as in a server between downloads.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var (next, _) = await ExportOnceAsync(store, run, file);
        return new ExportFigures(
            result.Sheets.Single(sheet => sheet.Name == FleetWorkbook.Services).Rows,
            result.Sheets,
            first,
            next,
            size / (1024.0 * 1024.0),
            Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024));
    }

    private static async Task<(double Seconds, FleetWorkbookResult Result)> ExportOnceAsync(Governance.Storage.GovernanceStore store, Invocation run, string file)
    {
        var clock = Stopwatch.StartNew();
        FleetWorkbookResult result;
        await using (var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            result = await FleetWorkbook.WriteAsync(store, output, run.Context.Time, cancellationToken: run.CancellationToken);
        }

        return (clock.Elapsed.TotalSeconds, result);
    }
}

/// <summary>The figures of one export benchmark: a first export in a new process and the next one in the same process.</summary>
public sealed record ExportFigures(long Services, IReadOnlyList<WorkbookSheet> Sheets, double FirstSeconds, double NextSeconds, double FileMiB, long PeakMemoryMiB)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Exported the workbook of {Services:N0} services: ")
        + string.Join(", ", Sheets.Select(sheet => string.Create(CultureInfo.InvariantCulture, $"{sheet.Name} {sheet.Rows:N0} rows{(sheet.Omitted > 0 ? $" ({sheet.Omitted:N0} left out)" : string.Empty)}")))
        + string.Create(CultureInfo.InvariantCulture, $".{Environment.NewLine}First export in a new process {FirstSeconds:F2} s, next {NextSeconds:F2} s; file {FileMiB:F1} MiB; peak memory {PeakMemoryMiB} MiB.");
}
