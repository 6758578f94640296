namespace Governance.Domain.Commands;

/// <summary>What an aggregate made of a command: a new state, no change at all, or a refusal with reasons.</summary>
public abstract record CommandOutcome<TState>
{
    private CommandOutcome()
    {
    }

    /// <summary>The command changed the state.</summary>
    public sealed record Accepted(TState State) : CommandOutcome<TState>;

    /// <summary>The command asked for what already holds; nothing is written.</summary>
    public sealed record Unchanged(TState State) : CommandOutcome<TState>;

    /// <summary>The command breaks a rule; nothing is written.</summary>
    public sealed record Rejected(IReadOnlyList<FieldError> Errors) : CommandOutcome<TState>;
}
