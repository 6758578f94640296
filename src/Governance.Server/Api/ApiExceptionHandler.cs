using System.Data.Common;
using System.Text.Json;
using Governance.Grains.Contracts;
using Governance.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Server.Api;

/// <summary>
/// Turns the product's exceptions into problems: a body that is not the JSON asked for is a validation problem naming the
/// field and its place; a store or cluster that fails is a 503; a store-level conflict is a 409. Anything else stays a 500.
/// </summary>
internal sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Malformed(json),

            // Minimal APIs refuse an empty body for a parameter bound from it, explicitly or implicitly, in these words.
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad
                when bad.Message.Contains("no body was provided", StringComparison.Ordinal) || bad.Message.Contains("was not provided from body", StringComparison.Ordinal) =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["(body)"] = ["is required: this request takes a JSON body"] }, title: "The body is not the JSON this request takes"),
            BadHttpRequestException bad => ApiProblems.Problem(bad.StatusCode, "Bad request", bad.Message),
            ConcurrencyConflictException conflict => ApiProblems.Problem(StatusCodes.Status409Conflict, "Conflict", $"{conflict.Message} Nothing was changed; run the request again"),
            ServiceStoreException or DbException or OrleansException or TimeoutException => ApiProblems.Problem(
                StatusCodes.Status503ServiceUnavailable, "The store or the cluster is unavailable", exception.Message),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>A JSON body that does not read as the request type: the field by its path, and where the reader stopped.</summary>
    private static IResult Malformed(JsonException json)
    {
        // A member with an empty name has the path "$.": the body is all there is to name.
        var field = json.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "(body)";
        var reason = json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        if (reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            reason = "has a value of the wrong type or form";
        }

        var line = (json.LineNumber ?? 0) + 1;
        var column = (json.BytePositionInLine ?? 0) + 1;
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [$"{reason} (line {line}, column {column})"] },
            title: "The body is not the JSON this request takes",
            extensions: new Dictionary<string, object?> { ["locations"] = new Dictionary<string, FieldLocation> { [field] = new((int)line, (int)column) } });
    }
}
