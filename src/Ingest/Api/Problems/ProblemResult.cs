using System.Text.Json;
using GymCoach.Ingest.Api.Http;
using Microsoft.AspNetCore.Http;

namespace GymCoach.Ingest.Api.Problems;

/// <summary>Writes a <see cref="ProblemDocument"/> with its status, naming the request path and correlation id.</summary>
internal sealed class ProblemResult(ProblemDocument problem) : IResult, IStatusCodeHttpResult
{
    public const string ContentType = "application/problem+json";

    public ProblemDocument Problem { get; } = problem;

    public int? StatusCode => Problem.Status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var document = Problem with
        {
            Instance = Problem.Instance ?? httpContext.Request.Path.Value,
            CorrelationId = Problem.CorrelationId ?? httpContext.TraceIdentifier,
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, ProblemJson.Context.ProblemDocument);
        return JsonBytes.WriteAsync(httpContext.Response, Problem.Status, ContentType, bytes);
    }
}
