using Governance.Server.Identity;
using Governance.Server.Services;
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
