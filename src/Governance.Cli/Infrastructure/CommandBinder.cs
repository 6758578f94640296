using System.CommandLine;
using Governance.Storage;

namespace Governance.Cli.Infrastructure;

/// <summary>Attaches an action to a command, turning the failures a user can act on into messages and exit codes.</summary>
public sealed class CommandBinder(CliContext context)
{
    /// <summary>Runs <paramref name="action"/> when <paramref name="command"/> is invoked.</summary>
    public Command Bind(Command command, Func<Invocation, Task<int>> action)
    {
        command.SetAction((parse, cancellationToken) => RunAsync(parse, action, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, Func<Invocation, Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action(new Invocation(parse, context, cancellationToken));
        }
        catch (CliException failure)
        {
            await context.Error.WriteLineAsync($"error: {failure.Message}");
            return failure.ExitCode;
        }
        catch (ConcurrencyConflictException conflict)
        {
            await context.Error.WriteLineAsync($"conflict: {conflict.Message}; nothing was changed, run the command again");
            return ExitCodes.Conflict;
        }
    }
}
