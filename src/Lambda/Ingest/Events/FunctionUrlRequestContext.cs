namespace GymCoach.Ingest.Lambda.Events;

/// <summary>The <c>requestContext</c> of a payload format 2.0 event.</summary>
internal sealed record FunctionUrlRequestContext
{
    public string? RequestId { get; init; }

    public string? DomainName { get; init; }

    public FunctionUrlHttp? Http { get; init; }
}
