using System.Globalization;
using CsCheck;

namespace Governance.Fuzzing;

/// <summary>
/// How long each fuzz property runs, read from the environment so that CI keeps it short and <c>scripts/fuzz.sh</c> long:
/// <c>GOVERNANCE_FUZZ_SECONDS</c> (seconds per property, default 6), <c>GOVERNANCE_FUZZ_ITERATIONS</c> (a fixed count
/// instead), <c>GOVERNANCE_FUZZ_SEED</c> (replay the one case a failure printed).
/// </summary>
public static class FuzzBudget
{
    public const string SecondsVariable = "GOVERNANCE_FUZZ_SECONDS";
    public const string IterationsVariable = "GOVERNANCE_FUZZ_ITERATIONS";
    public const string SeedVariable = "GOVERNANCE_FUZZ_SEED";

    private const int DefaultSeconds = 6;

    /// <summary>Seconds per property; -1 when a fixed number of iterations or a replayed seed is asked for.</summary>
    public static int Seconds => Seed is not null || Iterations is not null ? -1 : Number(SecondsVariable) ?? DefaultSeconds;

    public static int? Iterations => Seed is not null ? 1 : Number(IterationsVariable);

    public static string? Seed => Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed ? seed : null;

    /// <summary>
    /// Checks <paramref name="property"/> on inputs of <paramref name="gen"/> for the budget, on one thread (the machine is
    /// shared). A failure is shrunk and its seed printed by CsCheck; <c>GOVERNANCE_FUZZ_SEED=…</c> replays it.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Action<T> property, Action<string> writeLine)
    {
        ArgumentNullException.ThrowIfNull(gen);
        gen.Sample(property, writeLine: Summary(writeLine), seed: Seed, iter: Iterations ?? 1, time: Seconds, threads: 1, print: Print);
    }

    /// <summary>The same for a property that awaits (a request to a server, a store).</summary>
    public static Task CheckAsync<T>(Gen<T> gen, Func<T, Task> property, Action<string> writeLine)
    {
        ArgumentNullException.ThrowIfNull(gen);
        return gen.SampleAsync(property, writeLine: Summary(writeLine), seed: Seed, iter: Iterations ?? 1, time: Seconds, threads: 1, print: Print);
    }

    // CsCheck's summary line ("Passed 1,234 iterations in 6.0s") is what the run reports per property.
    private static Action<string> Summary(Action<string> writeLine) => line =>
    {
        writeLine(line);
        Console.WriteLine(line);
    };

    private static string Print<T>(T input) => input?.ToString() ?? "(null)";

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
