using System.Security.Cryptography;
using System.Text;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Idempotency;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Governance.Server.Api;

/// <summary>
/// What every write goes through before its handler (after authentication): the body read once within its limit (413 beyond it), and the Idempotency-Key: a key seen before with the same request replays the first response
/// without running again; with another request it is a 422; while the first request runs, a 409.
/// </summary>
public sealed class WriteRequestMiddleware(RequestDelegate next, IOptions<ApiOptions> options, StoreHolder holder, ILogger<WriteRequestMiddleware> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private const int MaxKeyLength = 255;

    // The headers that describe a response; the rest (dates, server) belong to the moment it is sent.
    private static readonly string[] _keptHeaders = ["Content-Type", "ETag", "Location"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<WriteEndpoint>() is not { } write)
        {
            await next(context);
            return;
        }

        var api = options.Value;
        if (AccountClaims.AccountOf(context.User) is not { } account)
        {
            // Authorization runs first and refuses anonymous callers; this only guards an endpoint that allowed them.
            await ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Who is asking?", "a write needs a signed-in caller, whom the history records").ExecuteAsync(context);
            return;
        }

        // A browser session writes through the pages' forms, which carry antiforgery tokens; the API's JSON writes do not.
        if (context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await ApiProblems.Problem(StatusCodes.Status401Unauthorized, "A bearer token is needed",
                "the API's writes take an API token or the authority's bearer token in the Authorization header, not a browser session").ExecuteAsync(context);
            return;
        }

        var limit = write.IsImport ? api.MaxImportBytes : api.MaxBodyBytes;
        if (await ReadBodyAsync(context, limit) is not { } body)
        {
            await ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large",
                $"this request's body may hold at most {limit} bytes ({ApiOptions.Section}:{(write.IsImport ? nameof(api.MaxImportBytes) : nameof(api.MaxBodyBytes))})").ExecuteAsync(context);
            return;
        }

        context.Features.Set(body);
        context.Request.Body = new MemoryStream(body.Bytes, writable: false);
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length == 0)
        {
            await next(context);
        }
        else if (key.Length > MaxKeyLength || !key.All(c => c is > ' ' and <= '~'))
        {
            await ApiProblems.InvalidField(IdempotencyKeyHeader, $"must be 1 to {MaxKeyLength} visible ASCII characters, such as a UUID").ExecuteAsync(context);
        }
        else
        {
            await RunOnceAsync(context, new IdempotencyKey(account.Actor, key), Fingerprint(context.Request, body.Bytes), api);
        }
    }

    private async Task RunOnceAsync(HttpContext context, IdempotencyKey key, string fingerprint, ApiOptions api)
    {
        var keys = holder.Store.Idempotency;
        switch (await keys.ClaimAsync(key, fingerprint, api.IdempotencyLifetime, api.IdempotencyAbandonAfter, context.RequestAborted))
        {
            case IdempotencyClaim.Completed completed:
                ApiLog.Replayed(logger, key.Key, key.Actor, context.Request.Method, context.Request.Path);
                await ReplayAsync(context, completed.Response);
                return;
            case IdempotencyClaim.Mismatch:
                await ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                    $"the key '{key.Key}' was used for another request (method, path or body); use a new key for a new request").ExecuteAsync(context);
                return;
            case IdempotencyClaim.InProgress:
                await ApiProblems.Problem(StatusCodes.Status409Conflict, "Request in progress",
                    $"the first request with the key '{key.Key}' is still running; retry once it has answered").ExecuteAsync(context);
                return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);

            // A server failure is no answer to keep: the retry runs the request again.
            if (context.Response.StatusCode < StatusCodes.Status500InternalServerError)
            {
                kept = await keys.CompleteAsync(key, Capture(context.Response, buffer.ToArray()), CancellationToken.None);
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await keys.ReleaseAsync(key, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<RequestBody?> ReadBodyAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel otherwise stops a body at its own 30 MB default, which an import may exceed.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return new RequestBody(body.ToArray());
    }

    private static string Fingerprint(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static StoredResponse Capture(HttpResponse response, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in _keptHeaders)
        {
            if (response.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        return new StoredResponse(response.StatusCode, headers, body);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        foreach (var (name, value) in stored.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }
}
