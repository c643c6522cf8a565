namespace GymCoach.Ingest.Lambda.Events;

/// <summary>The <c>requestContext.http</c> of a payload format 2.0 event.</summary>
internal sealed record FunctionUrlHttp
{
    public string? Method { get; init; }

    public string? Protocol { get; init; }

    /// <summary>The client's address as the function URL saw it: what per-address limits count by.</summary>
    public string? SourceIp { get; init; }
}
