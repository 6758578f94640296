namespace Governance.Cli.Infrastructure;

/// <summary>A failure the user can act on: its message is printed as is, and it ends the process with its exit code.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
