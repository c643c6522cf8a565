using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using GymCoach.Ingest.Tests.Support;
using GymCoach.Tests.Fuzzing;

namespace GymCoach.Ingest.Tests.Fuzzing;

/// <summary>
/// Fuzzes the HTTP body parsing of every write endpoint over real Kestrel: whatever the body and content type, the
/// answer is a 2xx, or a 4xx with problem details; never a 5xx, never a dropped connection.
/// </summary>
/// <remarks>
/// Only the kind of answer is asserted, not the validation messages (they are another change's to word). Inputs a
/// run found are kept under <c>Fuzzing/Corpus/ingest-http/&lt;endpoint&gt;</c> and replayed by <see cref="CorpusBody_IsAcceptedOrAProblem"/>.
/// </remarks>
[Trait("Category", "Slow")]
public sealed class IngestBodyFuzzTests(FuzzedApi api) : IClassFixture<FuzzedApi>
{
    /// <summary>The suite's run: about 4 s on a 2-core machine.</summary>
    public const int Iterations = 1_500;

    private const string Target = "ingest-http";

    /// <summary>Each endpoint by its corpus folder, with a valid body to mutate.</summary>
    private static readonly (string Folder, string Path, string Seed)[] Endpoints =
    [
        ("workouts", "v1/workouts", Bodies.Workout()),
        ("workouts-batch", "v1/workouts:batch", Bodies.Batch(Bodies.Workout("w-1"), Bodies.Workout("w-2", userId: "bob"))),
        ("profiles", "v1/profiles", Bodies.Profile()),
        ("analytics-recompute", "v1/analytics/recompute", Bodies.Recompute()),
    ];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/json; charset=utf-16", "application/problem+json", null];

    public static TheoryData<string> Corpus => FuzzCorpus.Files(Target);

    [Fact]
    public Task MutatedBodies_AreAcceptedOrAProblem()
    {
        var seeds = Endpoints.Select(e => e.Seed).ToArray();
        var requests = Gen.Select(
            Gen.Int[0, Endpoints.Length - 1],
            JsonFuzz.Mutations(seeds),
            Gen.Frequency((6, Gen.Const<string?>("application/json")), (1, Gen.OneOf(ContentTypes))));
        return requests.SampleAsync(
            request => PostAsync(Endpoints[request.Item1].Path, Encoding.UTF8.GetBytes(request.Item2), request.Item3),
            iter: FuzzBudget.Iterations(Iterations));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public Task CorpusBody_IsAcceptedOrAProblem(string file)
    {
        var folder = file.Split('/')[0];
        return PostAsync(Endpoints.Single(e => e.Folder == folder).Path, FuzzCorpus.Read(Target, file), "application/json");
    }

    private async Task PostAsync(string path, byte[] body, string? contentType)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await api.Client.PostAsync(path, content);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var context = $"POST /{path} ({contentType ?? "no content type"}) answered {status}: {Shorten(text)}\nbody: {Shorten(Encoding.UTF8.GetString(body))}";
        Assert.True(status is >= 200 and < 300 or >= 400 and < 500, context);
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", context);
            using var problem = JsonDocument.Parse(text);
            Assert.True(problem.RootElement.GetProperty("status").GetInt32() == status, context);
        }
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
