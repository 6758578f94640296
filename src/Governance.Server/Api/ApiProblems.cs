using Governance.Integrations.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Server.Api;

/// <summary>Where a request field's value starts in the body.</summary>
public sealed record FieldLocation(int Line, int Column);

/// <summary>The problems the API answers with, in one place so that each kind reads the same everywhere.</summary>
public static class ApiProblems
{
    /// <summary>A validation problem: <c>errors</c> by request field, and <c>locations</c> (line, column in the body) where known.</summary>
    public static ValidationProblem Invalid(IEnumerable<ImportProblem> problems, string title = "The request breaks the rules")
    {
        var list = problems.OrderBy(problem => problem.Location.Line).ThenBy(problem => problem.Location.Column).ToList();
        var errors = list.GroupBy(problem => problem.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(problem => problem.Message).ToArray(), StringComparer.Ordinal);
        var located = list.Where(problem => problem.Location.Line > 0)
            .GroupBy(problem => problem.Field, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new FieldLocation(group.First().Location.Line, group.First().Location.Column), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, title: title, extensions: new Dictionary<string, object?> { ["locations"] = located });
    }

    /// <summary>A validation problem about one field that has no place in a body (a header, a route value).</summary>
    public static ValidationProblem InvalidField(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request breaks the rules");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>412: the If-Match version is not the current one.</summary>
    public static ProblemHttpResult Stale(long expected, long current) => TypedResults.Problem(
        title: "The service has changed",
        detail: $"If-Match names version {expected}, but the service is at version {current}; read it again and retry",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>409: the service is not at the version the write needed (a create that found the service, a race the grain lost).</summary>
    public static ProblemHttpResult Conflict(long expected, long current) => TypedResults.Problem(
        title: "Conflict",
        detail: expected == 0 ? $"the service already exists, at version {current}" : $"the service moved from version {expected} to {current} while the write ran; nothing was changed",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
