using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Server.Api;

/// <summary>Documents the header every write reads: Idempotency-Key.</summary>
internal sealed class WriteHeadersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<WriteEndpoint>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(Header(WriteRequestMiddleware.IdempotencyKeyHeader, required: false,
            "Makes a retry safe: the same key with the same request replays the first response; with another request it is a 422"));
        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
