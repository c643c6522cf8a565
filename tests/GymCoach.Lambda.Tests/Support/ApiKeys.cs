using GymCoach.Ingest.Api;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>The keys both hosts of the API accept in the parity tests, and the same list as <c>GYMCOACH_API_KEYS</c> carries it.</summary>
internal static class ApiKeys
{
    public const string Writer = "gck_lambda_writer_key";
    public const string Reader = "gck_lambda_reader_key";

    public static List<ApiKeyOptions> All() =>
    [
        new() { Name = "writer", Sha256 = ApiKeyHash.Compute(Writer), Operations = [ApiOperations.WorkoutsWrite, ApiOperations.ProfilesWrite], RequestsPerSecond = 1000, Burst = 1000 },
        new() { Name = "reader", Sha256 = ApiKeyHash.Compute(Reader), Operations = [ApiOperations.AnalyticsRead], RequestsPerSecond = 1000, Burst = 1000 },
    ];

    /// <summary>Hashes only: the variable never holds a key.</summary>
    public static string VariableJson() =>
        "[" + string.Join(',', All().Select(key =>
            $$"""{"name":"{{key.Name}}","sha256":"{{key.Sha256}}","operations":[{{string.Join(',', key.Operations.Select(o => "\"" + o + "\""))}}],"requestsPerSecond":{{key.RequestsPerSecond}},"burst":{{key.Burst}}}""")) + "]";
}
