using System.Collections.Concurrent;

namespace Governance.Server.Tests.Cluster.Support;

/// <summary>
/// The barrier tests wait at for a reminder tick: the grain records each tick here (Orleans creates the grain, so this is
/// static); a test asks for the next tick of one grain's reminder before the silo that should deliver it starts.
/// </summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<(string Grain, string Reminder), TaskCompletionSource<string>> Waiting = new();

    /// <summary>The silo of the next tick of <paramref name="reminder"/> on grain <paramref name="grain"/>, waiting at most <paramref name="timeout"/>.</summary>
    public static async Task<string> NextAsync(string grain, string reminder, TimeSpan timeout)
    {
        var tick = Waiting.GetOrAdd((grain, reminder), _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await tick.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"reminder '{reminder}' of grain '{grain}' did not fire within {timeout.TotalSeconds} s");
        }
        finally
        {
            Waiting.TryRemove(new KeyValuePair<(string, string), TaskCompletionSource<string>>((grain, reminder), tick));
        }
    }

    /// <summary>Called by the grain: completes the wait for this tick, if a test is waiting.</summary>
    public static void Record(string grain, string reminder, string silo)
    {
        if (Waiting.TryGetValue((grain, reminder), out var tick))
        {
            tick.TrySetResult(silo);
        }
    }
}
