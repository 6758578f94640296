using System.Net;
using Governance.Domain.Identity;
using Governance.Server.Identity;
using Governance.Server.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests.Identity;

/// <summary>
/// Every endpoint and page the server maps, found from its routing table rather than listed by hand: each declares what it
/// needs, refuses anonymous callers (401 for the API, the sign-in form for pages) and refuses a role its policy does not admit.
/// </summary>
public sealed class EndpointAuthorizationTests : IAsyncLifetime
{
    // The only ways in without signing in: probes, and the pages that sign people in and out.
    private static readonly HashSet<string> Anonymous = ["/health", "/sign-in", "/sign-out", "/forbidden"];

    // What each route needs, written down from the roles' definitions (issue: viewer reads, owner edits their team's services,
    // approver decides, leader exports, administrator imports); a route added without a line here fails the first test.
    private static readonly Dictionary<string, string> Needs = new(StringComparer.Ordinal)
    {
        ["GET /"] = Access.Read,
        ["GET /services"] = Access.Read,
        ["GET /services/{id}"] = Access.Read,
        ["GET /risks"] = Access.Read,
        ["GET /waivers"] = Access.Read,
        ["GET /my-work"] = Access.Read,
        ["GET /api/services"] = Access.Read,
        ["GET /api/history/verify"] = Access.Read,
        ["POST /api/history/verify"] = Access.Administer,
        ["GET /api/services/{id}"] = Access.Read,
        ["GET /api/services/{id}/risks"] = Access.Read,
        ["GET /openapi/{documentName}.json"] = Access.Read,
        ["PUT /api/services/{id}"] = Access.Edit,
        ["PATCH /api/services/{id}"] = Access.Edit,
        ["POST /api/services/{id}/remediation-items/"] = Access.Edit,
        ["PATCH /api/services/{id}/remediation-items/{itemId}"] = Access.Edit,
        ["POST /api/services/{id}/waivers/"] = Access.Edit,
        ["POST /api/services/{id}/waivers/{traitId}/approve"] = Access.Approve,
        ["POST /api/services/{id}/waivers/{traitId}/reject"] = Access.EditOrApprove,
        ["DELETE /api/services/{id}/waivers/{traitId}"] = Access.EditOrApprove,
        ["POST /api/imports/"] = Access.Administer,
        ["GET /admin/users"] = Access.Administer,
        ["GET /admin/policies"] = Access.Administer,
        ["GET /admin/schedules"] = Access.Administer,
        ["GET /exports/fleet.xlsx"] = Access.Export,
    };

    private ApiHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ApiHost();
        using var warm = _host.Client(user: null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_endpoint_declares_a_policy_or_that_it_is_open_and_only_the_sign_in_pages_and_health_are_open()
    {
        var endpoints = Endpoints();

        Assert.Empty(endpoints.Where(endpoint => endpoint.Policy is null && !endpoint.IsAnonymous).Select(endpoint => endpoint.Route));
        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), endpoints.Where(endpoint => endpoint.IsAnonymous).Select(endpoint => endpoint.Route).Distinct().Order(StringComparer.Ordinal));
        var declared = endpoints.Where(endpoint => !endpoint.IsAnonymous)
            .SelectMany(endpoint => endpoint.Methods.Select(method => (Key: $"{method} {endpoint.Route}", endpoint.Policy)))
            .ToDictionary(pair => pair.Key, pair => pair.Policy ?? "(none)", StringComparer.Ordinal);
        Assert.Equal(Needs.OrderBy(pair => pair.Key, StringComparer.Ordinal), declared.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_protected_endpoint_refuses_an_anonymous_caller()
    {
        using var client = _host.Client(user: null);

        foreach (var endpoint in Endpoints().Where(endpoint => !endpoint.IsAnonymous))
        {
            foreach (var method in endpoint.Methods)
            {
                using var response = await client.SendAsync(Request(method, endpoint.Route));
                if (endpoint.IsApi)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {endpoint.Route}: {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/sign-in",
                        $"{method} {endpoint.Route}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
    }

    [Fact]
    public async Task Every_endpoint_refuses_each_role_its_policy_does_not_admit()
    {
        var checkedCount = 0;
        foreach (var role in Enum.GetValues<Role>())
        {
            using var client = _host.Client($"only-{role.ToString().ToLowerInvariant()}", role, team: "team-a", tier: 1);
            foreach (var endpoint in Endpoints().Where(endpoint => endpoint.Policy is { } policy && !Access.Roles[policy].Contains(role)))
            {
                foreach (var method in endpoint.Methods)
                {
                    using var response = await client.SendAsync(Request(method, endpoint.Route));
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/forbidden"),
                        $"{role} {method} {endpoint.Route}: {(int)response.StatusCode}");
                    checkedCount++;
                }
            }
        }

        // Viewers, owners, approvers and leaders are each refused somewhere; administrators only where approval is needed.
        Assert.True(checkedCount >= 20, $"only {checkedCount} refusals were checked");
    }

    private List<MappedEndpoint> Endpoints() =>
        [.. _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(MappedEndpoint.Of)];

    // Route parameters get harmless values: the refusal comes before any handler looks at them.
    private static HttpRequestMessage Request(string method, string route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, "{([^}:]+)[^}]*}", match => match.Groups[1].Value == "documentName" ? "v1" : "x");
        return new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : ApiHost.Json("{}") };
    }

    private sealed record MappedEndpoint(string Route, IReadOnlyList<string> Methods, string? Policy, bool IsAnonymous)
    {
        public bool IsApi => Route.StartsWith("/api", StringComparison.Ordinal) || Route.StartsWith("/openapi", StringComparison.Ordinal);

        public static MappedEndpoint Of(RouteEndpoint endpoint)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).LastOrDefault(name => name is not null);
            return new MappedEndpoint(route, methods, policy, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        }
    }
}
