using Governance.Server.Identity;
using Governance.Server.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Governance.Server.Api;

/// <summary>Registers the write API's plumbing: options, problems, the exception handler, OpenAPI, idempotency upkeep.</summary>
public static class ApiRegistration
{
    /// <summary>Everything the API needs besides its endpoints; grains are reached through the host's <c>IGrainFactory</c>.</summary>
    public static IHostApplicationBuilder AddGovernanceApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        // Kestrel's own default lets any request, a sign-in form too, send 30 MB. Every request is held to the limit of a
        // write; the write middleware raises it for the one request that needs more (an import).
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxBodyBytes);
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<ApiOptions>>((form, api) => form.MultipartBodyLengthLimit = api.Value.MaxBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        // A body that does not bind throws, so that the exception handler can say where it went wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(options => options.AddOperationTransformer<WriteHeadersTransformer>());
        builder.Services.AddSingleton<ServiceGrains>();
        builder.Services.AddHostedService<ApiStartupNotice>();
        builder.Services.AddHostedService<IdempotencyCleanup>();
        return builder;
    }

    /// <summary>The write pipeline (after authentication and authorization), and /openapi/v1.json.</summary>
    public static WebApplication UseGovernanceApi(this WebApplication app)
    {
        app.UseMiddleware<WriteRequestMiddleware>();
        app.MapOpenApi().RequireAuthorization(Access.Read);
        return app;
    }
}
