using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Tests.Support;

/// <summary>Keeps the events the product's grains log, and lets a test wait for one: a barrier, not a sleep.</summary>
public sealed class LogBarrier : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEvent> _events = new();
    private readonly List<(Func<LoggedEvent, bool> Match, TaskCompletionSource<LoggedEvent> Done)> _waiters = [];
    private readonly Lock _lock = new();

    /// <summary>The <paramref name="count"/>-th event from now that matches, or a timeout failure after <paramref name="timeout"/>.</summary>
    public Task<LoggedEvent> NextAsync(string eventName, Func<LoggedEvent, bool>? where = null, int count = 1, TimeSpan? timeout = null)
    {
        var seen = 0;
        var done = new TaskCompletionSource<LoggedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((logged => logged.Name == eventName && (where?.Invoke(logged) ?? true) && ++seen == count, done));
        }

        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public IReadOnlyList<LoggedEvent> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(LoggedEvent logged)
    {
        _events.Enqueue(logged);
        lock (_lock)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(logged)).ToList())
            {
                waiter.Done.TrySetResult(logged);
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(LogBarrier barrier, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category.StartsWith("Governance.", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                barrier.Record(new LoggedEvent(eventId.Name ?? string.Empty, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
            }
        }
    }
}

/// <summary>One logged event: its name, its message, and its named values.</summary>
public sealed record LoggedEvent(string Name, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public object? this[string name] => Values.FirstOrDefault(pair => pair.Key == name).Value;
}
