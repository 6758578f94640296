using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using Governance.Storage;

namespace Governance.Cli.Infrastructure;

/// <summary>Attaches an action to a command, turning every failure into a message and an exit code, never a stack trace.</summary>
public sealed class CommandBinder(GlobalOptions options, CliContext context)
{
    /// <summary>
    /// Runs <paramref name="action"/> when <paramref name="command"/> is invoked. Only a command that can run through a
    /// server (<paramref name="remote"/>) accepts --server on its command line; the others work on the store directly.
    /// </summary>
    public Command Bind(Command command, Func<Invocation, Task<int>> action, bool remote = false)
    {
        command.SetAction((parse, cancellationToken) => RunAsync(parse, action, remote, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, Func<Invocation, Task<int>> action, bool remote, CancellationToken cancellationToken)
    {
        if (!remote && parse.GetResult(options.Server) is { Implicit: false })
        {
            return await FailAsync(ExitCodes.Usage, $"error: '{CommandPath(parse)}' works on the store directly; --server is for waivers, unwaive and import");
        }

        try
        {
            return await action(new Invocation(parse, options, context, cancellationToken));
        }
        catch (CliException failure)
        {
            return await FailAsync(failure.ExitCode, $"error: {failure.Message}");
        }
        catch (ConcurrencyConflictException conflict)
        {
            return await FailAsync(ExitCodes.Conflict, $"conflict: {conflict.Message}; nothing was changed, run the command again");
        }
        catch (DbException failure)
        {
            return await FailAsync(ExitCodes.StoreUnavailable, $"error: the store failed: {failure.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(ExitCodes.Cancelled, "cancelled");
        }
        catch (Exception unexpected)
        {
            return await FailAsync(ExitCodes.InternalError, $"internal error ({unexpected.GetType().Name}): {unexpected.Message}");
        }
    }

    /// <summary>The command as typed, without the program: <c>services list</c>.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    private async Task<int> FailAsync(int exitCode, string message)
    {
        await context.Error.WriteLineAsync(message);
        return exitCode;
    }
}
