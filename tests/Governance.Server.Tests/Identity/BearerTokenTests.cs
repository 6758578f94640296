using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Governance.Server.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Server.Tests.Identity;

/// <summary>
/// Scripts with a JWT from the organisation's authority: the server checks the signature against the key it is configured
/// with, the issuer, the audience and the expiry, and records the token's person as the actor. No call leaves the machine.
/// </summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://login.example.test/";
    private const string Audience = "governance";

    private static readonly DateTime IssuedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"governance-jwt-{Guid.NewGuid():N}.pem");
    private ApiHost _host = null!;

    public Task InitializeAsync()
    {
        File.WriteAllText(_keyFile, _key.ExportSubjectPublicKeyInfoPem());
        _host = new ApiHost(
            ("Governance:Identity:Issuer", Issuer),
            ("Governance:Identity:Audience", Audience),
            ("Governance:Identity:SigningKeyFile", _keyFile));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_keyFile);
        _key.Dispose();
    }

    [Fact]
    public async Task A_valid_token_acts_as_its_person_with_its_roles()
    {
        using var client = Client(Token(_key, "dana", ["Administrator"], expires: IssuedAt.AddYears(10)));

        var created = await client.PutAsync("/api/services/checkout", ApiHost.Json("""{"name": "Checkout", "owner": "team-a"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["user:dana"], (await _host.HistoryAsync("checkout")).Select(entry => entry.Actor));
    }

    [Fact]
    public async Task An_owner_token_edits_its_teams_services_only()
    {
        using var admin = Client(Token(_key, "dana", ["Administrator"], expires: IssuedAt.AddYears(10)));
        await admin.PutAsync("/api/services/checkout", ApiHost.Json("""{"name": "Checkout", "owner": "group:team-a"}"""));
        await admin.PutAsync("/api/services/billing", ApiHost.Json("""{"name": "Billing", "owner": "team-b"}"""));
        using var owner = Client(Token(_key, "olu", ["owner"], expires: IssuedAt.AddYears(10), team: "team-a"));

        var own = await owner.PatchAsync("/api/services/checkout", ApiHost.Json("""{"tier": 1}""", "application/merge-patch+json"));
        var other = await owner.PatchAsync("/api/services/billing", ApiHost.Json("""{"tier": 1}""", "application/merge-patch+json"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (own.StatusCode, other.StatusCode));
        Assert.Equal(["user:dana"], (await _host.HistoryAsync("billing")).Select(entry => entry.Actor));
    }

    [Fact]
    public async Task An_expired_token_a_token_signed_by_another_key_or_for_another_audience_is_a_401()
    {
        using var otherKey = RSA.Create(2048);
        using var expired = Client(Token(_key, "dana", ["Administrator"], expires: IssuedAt.AddHours(1)));
        using var forged = Client(Token(otherKey, "dana", ["Administrator"], expires: IssuedAt.AddYears(10)));
        using var elsewhere = Client(Token(_key, "dana", ["Administrator"], expires: IssuedAt.AddYears(10), audience: "another-app"));

        foreach (var client in new[] { expired, forged, elsewhere })
        {
            var response = await client.GetAsync("/api/services");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_valid_token_without_a_role_the_product_knows_reads_nothing()
    {
        using var client = Client(Token(_key, "eve", ["superuser"], expires: IssuedAt.AddYears(10)));

        var response = await client.GetAsync("/api/services");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = _host.Client(user: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // Issued in January 2026: whether the server judges by the real clock or the host's fake one, "expired" is long past
    // and "valid" lasts for years.
    private static string Token(RSA key, string name, string[] roles, DateTime expires, string? team = null, string audience = Audience)
    {
        var claims = new Dictionary<string, object> { ["preferred_username"] = name, ["roles"] = roles };
        if (team is not null)
        {
            claims["team"] = team;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = IssuedAt,
            NotBefore = IssuedAt,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });
    }
}
