using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Integrations.FleetFormat;
using Governance.Integrations.Generation;

namespace Governance.Cli.Generation;

/// <summary><c>governance generate fleet</c>: a synthetic fleet in the fleet format, shaped like real ones.</summary>
public sealed class GenerateCommand
{
    private const int ServicesPerFile = 1000;

    private readonly Option<int> _services = new("--services") { Description = "How many services", Required = true };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed: the same seed gives the same fleet", DefaultValueFactory = _ => 1 };

    private readonly Option<string> _out = new("--out") { Description = "Directory to write the fleet files to (created if missing)", Required = true };

    public static Command Create(CommandBinder binder) => new GenerateCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("generate", "Generate synthetic data")
    {
        binder.Bind(new Command("fleet", "Generate a synthetic fleet: about four dependencies per service, power-law fan-in, a few critical-path hubs") { _services, _seed, _out }, RunAsync),
    };

    /// <summary>Writes <paramref name="fleet"/> to <paramref name="directory"/>, teams and systems first, then services a thousand to a file.</summary>
    public static IReadOnlyList<string> WriteFiles(Fleet fleet, string directory)
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        var chunks = fleet.Services.Chunk(ServicesPerFile).ToList();
        for (var index = 0; index < Math.Max(1, chunks.Count); index++)
        {
            var path = Path.Combine(directory, $"fleet-{index + 1:D4}.yaml");
            var part = new Fleet(index == 0 ? fleet.Teams : [], index == 0 ? fleet.Systems : [], chunks.Count == 0 ? [] : chunks[index]);
            using var writer = new StreamWriter(path);
            FleetWriter.Write(part, writer);
            files.Add(path);
        }

        return files;
    }

    private Task<int> RunAsync(Invocation run)
    {
        var count = run.Get(_services);
        if (count < 1)
        {
            throw new CliException(ExitCodes.Usage, $"--services must be at least 1, was {count}");
        }

        var fleet = FleetGenerator.Generate(count, run.Get(_seed));
        var directory = Path.GetFullPath(run.Get(_out)!);
        var files = WriteFiles(fleet, directory);
        var edges = fleet.Services.Sum(service => service.Dependencies.Count);
        if (run.Json)
        {
            run.WriteJson(new { Services = fleet.Services.Count, Teams = fleet.Teams.Count, Systems = fleet.Systems.Count, Dependencies = edges, Files = files });
        }
        else
        {
            run.Context.Console.WriteLine($"Wrote {fleet.Services.Count} services ({edges} dependencies, {fleet.Teams.Count} teams, {fleet.Systems.Count} systems) to {files.Count} file(s) in {directory}.");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
