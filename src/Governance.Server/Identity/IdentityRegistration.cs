using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Server.Identity;

/// <summary>
/// Who is asking, and what they may do. One policy scheme picks the way in by what the request carries: a local API
/// token (<c>Bearer gov_…</c>), a JWT from the configured authority (any other bearer token), else the sign-in cookie.
/// Every endpoint needs a signed-in person with a role unless it says otherwise.
/// </summary>
public static class IdentityRegistration
{
    public const string Scheme = "Governance";
    public const string SignInPath = "/sign-in";

    public static IHostApplicationBuilder AddGovernanceIdentity(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityOptions.Section);
        var options = section.Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.Configure<IdentityOptions>(section);
        builder.Services.AddSingleton<ServerAccounts>();
        builder.Services.AddDataProtection().SetApplicationName("governance");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(keys => keys.XmlRepository = new StoreKeyRepository(services.GetRequiredService<Hosting.StoreHolder>())));

        var authentication = builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie, API token or bearer token", scheme => scheme.ForwardDefaultSelector = context => Select(context, options))
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie => ConfigureCookie(cookie, options))
            .AddScheme<AuthenticationSchemeOptions, LocalTokenHandler>(LocalTokenHandler.SchemeName, null);
        if (options.HasBearerTokens)
        {
            authentication.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, bearer => ConfigureBearer(bearer, options));
        }

        if (options.HasOpenIdConnect)
        {
            authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc => ConfigureOpenIdConnect(oidc, options));
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(Policy(Access.Read))
            .AddPolicy(Access.Read, Policy(Access.Read))
            .AddPolicy(Access.Edit, Policy(Access.Edit))
            .AddPolicy(Access.Approve, Policy(Access.Approve))
            .AddPolicy(Access.EditOrApprove, Policy(Access.EditOrApprove))
            .AddPolicy(Access.Administer, Policy(Access.Administer))
            .AddPolicy(Access.Export, Policy(Access.Export));
        return builder;
    }

    private static AuthorizationPolicy Policy(string name) => new AuthorizationPolicyBuilder(Scheme)
        .RequireAuthenticatedUser()
        .RequireRole(Access.Roles[name].Select(role => role.ToString()))
        .Build();

    private static string Select(HttpContext context, IdentityOptions options) => BearerToken.Of(context.Request) switch
    {
        { } token when BearerToken.IsLocal(token) || !options.HasBearerTokens => LocalTokenHandler.SchemeName,
        not null => JwtBearerDefaults.AuthenticationScheme,
        null => CookieAuthenticationDefaults.AuthenticationScheme,
    };

    // Pages send people to the sign-in form; the API answers 401 and 403, which a script can act on.
    private static void ConfigureCookie(CookieAuthenticationOptions cookie, IdentityOptions options)
    {
        cookie.Cookie.Name = "governance.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.LoginPath = SignInPath;
        cookie.AccessDeniedPath = "/forbidden";
        cookie.ExpireTimeSpan = options.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        cookie.Events.OnValidatePrincipal = EndStaleSessionAsync;
        if (options.HasOpenIdConnect && !options.LocalAccounts)
        {
            cookie.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
        }
    }

    // A local account's session ends at its next request once its account is disabled or its sessions are ended (a new
    // password does that). The sessions of an authority's people carry its authentication type: the authority decides.
    private static async Task EndStaleSessionAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { Identity: { AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme, Name: { } name } } principal
            && !await context.HttpContext.RequestServices.GetRequiredService<ServerAccounts>().Accounts
                .SessionHoldsAsync(name, AccountClaims.SignedInAtOf(principal), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, IdentityOptions options)
    {
        bearer.MapInboundClaims = false;
        bearer.Authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
        bearer.RequireHttpsMetadata = options.RequireHttpsAuthority;
        bearer.Audience = options.Audience;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer ?? options.Authority,
            ValidAudience = options.Audience,
            ValidateAudience = !string.IsNullOrWhiteSpace(options.Audience),
            NameClaimType = options.NameClaim,
            RoleClaimType = options.RoleClaim,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKey = options.SigningKeyFile is { } file ? ReadKey(file) : null,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = AccountClaims.FromAuthority(context.Principal!, options, JwtBearerDefaults.AuthenticationScheme);
                return Task.CompletedTask;
            },
        };
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions oidc, IdentityOptions options)
    {
        oidc.Authority = options.Authority;
        oidc.RequireHttpsMetadata = options.RequireHttpsAuthority;
        oidc.UsePkce = true;

        // The round trip's cookies travel over whatever scheme the server is reached by (HTTPS in production).
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.ClientId = options.ClientId;
        oidc.ClientSecret = options.ClientSecret;
        oidc.ResponseType = "code";
        oidc.MapInboundClaims = false;
        oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        oidc.TokenValidationParameters.NameClaimType = options.NameClaim;
        oidc.TokenValidationParameters.RoleClaimType = options.RoleClaim;
        oidc.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = AccountClaims.FromAuthority(context.Principal!, options, OpenIdConnectDefaults.AuthenticationScheme);
                return Task.CompletedTask;
            },
        };
    }

    private static RsaSecurityKey ReadKey(string file)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(file));
        return new RsaSecurityKey(rsa);
    }
}
