using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GymCoach.Ingest.Api.Problems;

/// <summary>Problem documents quote producers' field names and values: written without escaping quotes and apostrophes as <c>\u0022</c>.</summary>
/// <remarks>Relaxed escaping is safe here: the body is served as <c>application/problem+json</c>, never embedded in HTML.</remarks>
internal static class ProblemJson
{
    public static IngestJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
