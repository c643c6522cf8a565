using GymCoach.Ingest.Api.Http;
using GymCoach.Ingest.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GymCoach.Ingest.Api.Hosting;

/// <summary>Declares the <c>X-Api-Key</c> scheme in the OpenAPI document and requires it on every endpoint that needs a key.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "GymCoach ingest API";
        document.Info.Description = "Producers post workouts, profile updates and recompute requests; each is answered 202 once it is in the queue. "
            + "Reads serve precomputed analytics, profiles, the exercise library and workout plan templates, cache-first with ETags.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiHeaders.ApiKey,
            Description = "A producer's API key; each key is allowed some of: " + string.Join(", ", ApiOperations.All) + ".",
        };

        foreach (var group in context.DescriptionGroups)
        {
            foreach (var description in group.Items)
            {
                var needs = description.ActionDescriptor.EndpointMetadata.OfType<ApiOperationMetadata>().FirstOrDefault();
                if (needs is null || description.RelativePath is null || description.HttpMethod is null)
                {
                    continue;
                }

                var path = "/" + description.RelativePath.TrimStart('/');
                if (document.Paths.TryGetValue(path, out var item)
                    && item.Operations?.TryGetValue(HttpMethod.Parse(description.HttpMethod), out var operation) == true)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
                    operation.Description = (needs.Operation is null
                        ? $"{operation.Description} Needs a valid API key (any operation)."
                        : $"{operation.Description} Needs an API key allowed '{needs.Operation}'.").TrimStart();
                    operation.Parameters ??= [];
                    operation.Parameters.Add(Header(ApiHeaders.CorrelationId, "Travels with the events into every queue and log line; generated when absent, and echoed."));
                    if (description.HttpMethod == "POST")
                    {
                        operation.Parameters.Add(Header(ApiHeaders.IdempotencyKey, "A retry with the same key (for 24 h) gets the first response and enqueues nothing; another body with it is 422."));
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
