using System.Threading.Channels;

namespace Governance.Server.Tests.Support;

/// <summary>What the tests watch the audit through: runs that entered and completed, how many ran at once, and a gate that holds them.</summary>
public sealed class AuditProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Channel<long> _entered = Channel.CreateUnbounded<long>();
    private readonly Channel<long> _completed = Channel.CreateUnbounded<long>();
    private int _running;
    private int _maxRunning;

    /// <summary>When set, every run waits for it after it has begun.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Running => Volatile.Read(ref _running);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    /// <summary>The id of the next run that began, waiting at most a minute.</summary>
    public Task<long> NextEnteredAsync() => NextAsync(_entered, "no audit run began");

    /// <summary>The id of the next run that completed, waiting at most a minute.</summary>
    public Task<long> NextCompletedAsync() => NextAsync(_completed, "no audit run completed");

    public void Entered(long runId)
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        _entered.Writer.TryWrite(runId);
    }

    public void Completed(long runId)
    {
        Interlocked.Decrement(ref _running);
        _completed.Writer.TryWrite(runId);
    }

    private static async Task<long> NextAsync(Channel<long> channel, string failure)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await channel.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{failure} within {Timeout.TotalSeconds} s");
        }
    }
}
