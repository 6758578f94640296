using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>What one scenario's kill points came to.</summary>
public sealed record KillReport(string Scenario, int Points, int Survived, TimeSpan Measured, IReadOnlyList<string> Failures, string Landings)
{
    public override string ToString() =>
        $"{Scenario}: {Survived}/{Points} kill points survived (command measured at {Measured.TotalMilliseconds:F0} ms; kills landed {Landings})";
}

/// <summary>
/// Runs a scenario's kill points. It first runs the scenario twice to its end to measure how long the work takes from the
/// moment it is armed (the shorter of the two); each point then draws a delay uniformly over that span (and a little past it, so that some kills
/// land as the process finishes or just after), SIGKILLs the process then, and checks: <c>history verify</c> in a new
/// process exits 0, the scenario's own checks hold, the same command re-run succeeds with the expected state, and
/// <c>history verify</c> still exits 0. The delays come from a seeded random: the seed is printed, and the same seed draws
/// the same fractions of the measured span again.
/// </summary>
public sealed class KillRunner(KillTemplates templates, Action<string> log)
{
    private const double Overshoot = 1.1;
    private static readonly TimeSpan _armTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan _workTimeout = TimeSpan.FromMinutes(5);

    public async Task<KillReport> RunAsync(KillScenario scenario, int points, int seed)
    {
        var random = new Random(seed ^ StableHash(scenario.Name));
        // Measured twice, the shorter kept: the first run also pays for a cold disk cache, and a busy machine stretches either.
        var measured = await MeasureAsync(scenario);
        measured = TimeSpan.FromTicks(Math.Min(measured.Ticks, (await MeasureAsync(scenario)).Ticks));

        log($"{scenario.Name}: {points} kill points over {measured.TotalMilliseconds:F0} ms (GOVERNANCE_KILL_SEED={seed})");
        var failures = new List<string>();
        var quarters = new int[5];
        for (var index = 1; index <= points; index++)
        {
            var fraction = random.NextDouble() * Overshoot;
            var point = NewPoint(scenario, index.ToString(CultureInfo.InvariantCulture));
            try
            {
                var (landed, alive) = await KillAsync(scenario, point, measured * fraction);
                quarters[alive ? Math.Min(3, (int)(landed / measured * 4)) : 4]++;
                await VerifyAsync(point, "after the kill");
                await scenario.CheckAfterKillAsync(point);
                await scenario.RerunAsync(point);
                await VerifyAsync(point, "after the re-run");
                log($"  {point.Name}: killed at {landed.TotalMilliseconds:F0} ms ({fraction:P0}{(alive ? string.Empty : ", after it had exited")}): {point.Outcome}; survived");
                Directory.Delete(point.Directory, recursive: true);
            }
            catch (Exception failure)
            {
                templates.Keep = true;
                var message = $"{point.Name} (fraction {fraction:F4} of {measured.TotalMilliseconds:F0} ms, seed {seed}, kept in {point.Directory}): {failure}";
                failures.Add(message);
                log($"  FAILED {message}");
            }
        }

        var landings = $"in the 1st/2nd/3rd/4th quarter {quarters[0]}/{quarters[1]}/{quarters[2]}/{quarters[3]}, after the end {quarters[4]}";
        return new KillReport(scenario.Name, points, points - failures.Count, measured, failures, landings);
    }

    /// <summary>Runs the scenario once to its end: how long its work takes once armed.</summary>
    private async Task<TimeSpan> MeasureAsync(KillScenario scenario)
    {
        var point = NewPoint(scenario, "measure");
        await scenario.SetUpAsync(point);
        var target = scenario.Start(point);
        await using var process = target.Process;
        try
        {
            await target.Armed.WaitAsync(_armTimeout);
            var clock = Stopwatch.StartNew();
            await target.Finished.WaitAsync(_workTimeout);
            var measured = clock.Elapsed;
            await process.KillAsync();
            await target.Driver.WaitAsync(_workTimeout);
            Directory.Delete(point.Directory, recursive: true);
            return measured;
        }
        catch (Exception failure)
        {
            templates.Keep = true;
            throw new InvalidOperationException($"{scenario.Name} did not run to its end unkilled (kept in {point.Directory}):\n{process.Output}", failure);
        }
    }

    /// <summary>Starts the scenario, waits <paramref name="delay"/> after it is armed and SIGKILLs it: when it landed, and whether it was still running.</summary>
    private static async Task<(TimeSpan Landed, bool Alive)> KillAsync(KillScenario scenario, KillPoint point, TimeSpan delay)
    {
        await scenario.SetUpAsync(point);
        var target = scenario.Start(point);
        await using var process = target.Process;
        try
        {
            await target.Armed.WaitAsync(_armTimeout);
        }
        catch (Exception failure)
        {
            throw new KillCheckException($"{process.Description} was not armed: {failure.Message}\n{process.Output}");
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAny(Task.Delay(delay), process.Exited);
        var alive = !process.HasExited;
        var landed = clock.Elapsed;
        await process.KillAsync();
        Check.That(alive || process.ExitCode == 0, $"{process.Description} exited {process.ExitCode} on its own before the kill:\n{process.Output}");
        await target.Driver.WaitAsync(_workTimeout);
        return (landed, alive);
    }

    /// <summary>A new process verifies the store; a kill before the store's file was first created leaves none, which verify calls missing (6).</summary>
    private static async Task VerifyAsync(KillPoint point, string when)
    {
        var existed = File.Exists(point.Database);
        var (exitCode, output) = await point.RunAsync("history", "verify");
        Check.That(exitCode == (existed ? 0 : 6), $"history verify {when} exited {exitCode}{(existed ? string.Empty : " on a store never created")}:\n{output}");
    }

    private KillPoint NewPoint(KillScenario scenario, string index)
    {
        var directory = Path.Combine(templates.Directory, $"{scenario.Name}-{index}");
        Directory.CreateDirectory(directory);
        return new KillPoint($"{scenario.Name} #{index}", directory, templates);
    }

    // string.GetHashCode differs from process to process; a seed must draw the same delays in every run.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var value in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash * 31) + value);
        }

        return hash;
    }
}
