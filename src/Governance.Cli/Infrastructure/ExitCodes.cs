namespace Governance.Cli.Infrastructure;

/// <summary>The process exit codes, as the README documents them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found a problem: a broken history chain.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Input was rejected (import errors, an invalid command); nothing was changed.</summary>
    public const int InvalidInput = 3;

    public const int NotFound = 4;

    /// <summary>Someone else changed the same thing first; nothing was changed.</summary>
    public const int Conflict = 5;

    /// <summary>The store could not be opened or reached, is missing, or failed.</summary>
    public const int StoreUnavailable = 6;

    /// <summary>A bug: something failed that the command did not expect. The message says what.</summary>
    public const int InternalError = 7;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
