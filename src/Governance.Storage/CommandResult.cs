using Governance.Domain;

namespace Governance.Storage;

/// <summary>What became of one command: written, already true, or refused.</summary>
public enum CommandStatus
{
    Accepted,
    Unchanged,
    Rejected,
}

/// <summary>The outcome of one command: the state and version after it (the current ones when nothing was written), any rule it broke, and how many attempts it took.</summary>
public sealed record CommandResult<T>(CommandStatus Status, T? State, long Version, IReadOnlyList<FieldError> Errors, int Attempts);
