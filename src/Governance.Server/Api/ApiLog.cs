namespace Governance.Server.Api;

/// <summary>What the write API logs.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(1, LogLevel.Information, "Sign-in: {Ways}")]
    public static partial void IdentityWays(ILogger logger, string ways);

    [LoggerMessage(2, LogLevel.Warning, "Listening on {Address}, which is not a loopback address: serve it behind TLS (a reverse proxy), since sign-ins and tokens cross it")]
    public static partial void ListeningBeyondLoopback(ILogger logger, string address);

    [LoggerMessage(3, LogLevel.Information, "Idempotency-Key '{Key}' of {Actor}: replayed the response of {Method} {Path}")]
    public static partial void Replayed(ILogger logger, string key, string actor, string method, string path);

    [LoggerMessage(4, LogLevel.Information, "Removed {Count} expired idempotency keys")]
    public static partial void KeysPurged(ILogger logger, int count);

    [LoggerMessage(5, LogLevel.Warning, "Removing expired idempotency keys failed; trying again in {Period}")]
    public static partial void PurgeFailed(ILogger logger, Exception exception, TimeSpan period);

    [LoggerMessage(6, LogLevel.Information, "Import by {Actor} of {Files} file(s): {Created} created, {Updated} updated, {Unchanged} unchanged, {Errors} error(s), dry run {DryRun}")]
    public static partial void Imported(ILogger logger, string actor, int files, int created, int updated, int unchanged, int errors, bool dryRun);
}
