namespace GymCoach.Ingest.Api.Security;

/// <summary>Endpoint metadata naming the operation a key needs, read by the OpenAPI document to mark the endpoint as secured.</summary>
/// <param name="Operation">The operation; null when any valid key will do.</param>
internal sealed record ApiOperationMetadata(string? Operation);
