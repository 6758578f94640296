using System.Text;
using Governance.Domain.Identity;
using Governance.Server.Identity;

namespace Governance.Server.Api;

/// <summary>Marks an endpoint that writes: its body is bounded and buffered, and it honours Idempotency-Key.</summary>
public sealed record WriteEndpoint(bool IsImport);

/// <summary>Who acts in a request: the authenticated account, and its name as the history records it (<c>user:NAME</c>).</summary>
public sealed record Actor(Account Account)
{
    public string Name => Account.Actor;

    /// <summary>The signed-in caller; authorization has already refused anyone who is not.</summary>
    public static ValueTask<Actor?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(AccountClaims.AccountOf(context.User) is { } account ? new Actor(account) : null);
}

/// <summary>A write's body, read once within its size limit; handlers that read the body themselves take it as text.</summary>
public sealed class RequestBody(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    /// <summary>The body as UTF-8 text, without a byte order mark: the JSON binder skips one, so the text the handler reads must too.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Bytes.AsSpan(Encoding.UTF8.Preamble.Length) : Bytes);

    /// <summary>Binds the body of a write endpoint's request.</summary>
    public static ValueTask<RequestBody?> BindAsync(HttpContext context) => ValueTask.FromResult(context.Features.Get<RequestBody>());
}

/// <summary>Declares endpoints as writes.</summary>
public static class WriteEndpointExtensions
{
    /// <summary>Marks the endpoint a write, and documents the problems every write may answer with.</summary>
    public static RouteHandlerBuilder AsWrite(this RouteHandlerBuilder builder, bool isImport = false) => builder
        .WithMetadata(new WriteEndpoint(isImport))
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
