using System.Net;
using Governance.Cli.Infrastructure;
using Governance.Cli.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Governance.Cli.Tests;

/// <summary>The CLI's client of the server: a request retried after a busy answer carries the same key, and statuses end as exit codes.</summary>
public sealed class ServerClientTests
{
    [Fact]
    public async Task A_request_retried_after_a_busy_answer_carries_the_same_idempotency_key_and_actor()
    {
        var seen = new List<(string? Key, string? Actor)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapPost("/api/imports", (HttpRequest request) =>
        {
            lock (seen)
            {
                seen.Add((request.Headers["Idempotency-Key"], request.Headers.Authorization.ToString()));
                return seen.Count == 1 ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok(new { applied = true });
            }
        });
        await app.StartAsync();
        using var client = new ServerClient(new Uri(app.Urls.Single()), "gov_sam_secret", TimeProvider.System);

        var answer = await client.SendAsync(HttpMethod.Post, "api/imports", new { files = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0], seen[1]);
        Assert.Equal("Bearer gov_sam_secret", seen[0].Actor);
        Assert.Matches("^[0-9a-f]{32}$", seen[0].Key);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, ExitCodes.Success)]
    [InlineData(HttpStatusCode.Created, ExitCodes.Success)]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.InvalidInput)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.PreconditionFailed, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.StoreUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.InternalError)]
    public void A_status_ends_as_the_exit_code_of_the_same_outcome_on_the_store(HttpStatusCode status, int exitCode) =>
        Assert.Equal(exitCode, ServerClient.ExitCodeOf(status));
}
