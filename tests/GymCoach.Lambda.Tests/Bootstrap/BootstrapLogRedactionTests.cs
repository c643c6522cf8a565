using System.Text.Json;
using GymCoach.Lambda.Tests.Support;

namespace GymCoach.Lambda.Tests.Bootstrap;

/// <summary>
/// What the published bootstrap writes to standard output (CloudWatch Logs) holds no API keys or personal data, even
/// when a producer puts them where the workers quote producer text (a poison event's unknown type).
/// </summary>
[Collection(PublishedBootstrapCollection.Name)]
[Trait("Category", "Slow")]
public sealed class BootstrapLogRedactionTests(PublishedBootstrap bootstrap) : IAsyncLifetime
{
    private const string ApiKey = "gck_live_5f1e2d3c4b5a69788796a5b4";
    private const string DisplayName = "Ann Example";
    private const string Bodyweight = "81.25";

    private readonly FakeRuntimeApi _api = FakeRuntimeApi.Start();
    private BootstrapProcess? _process;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _process?.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task PoisonQuotingPersonalDataAndKeys_IsLoggedRedacted()
    {
        _process = BootstrapProcess.Start(bootstrap.Path, _api.Address, Variables.Embedded("writes"));
        var profileType = $"{{\"displayName\":\"{DisplayName}\",\"bodyweightKg\":{Bodyweight}}}";
        var headerType = $"Authorization: Bearer {ApiKey}";

        var result = await _api.WaitForResultAsync(_api.Enqueue(SqsEvents.Json(
            ("poison-profile", PoisonOfType(profileType)),
            ("poison-header", PoisonOfType(headerType)),
            ("w1", SqsEvents.WorkoutBody(SqsEvents.Workout("workout-1", "user-1"))))));

        Assert.Equal(RuntimePostKind.Response, result.Kind);
        await Poll.UntilAsync(() => LogLines.Outcomes(_process.Output).Count == 1);
        var output = _process.Output;
        var poisonLines = LogLines.Parse(output)
            .Where(line => line.TryGetProperty("@mt", out var template) && template.GetString()!.Contains("is poison", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, poisonLines.Count);
        Assert.All(poisonLines, line => Assert.Contains("[redacted]", line.GetProperty("@x").GetString(), StringComparison.Ordinal));
        Assert.Equal(["poison-header", "poison-profile"], poisonLines.Select(line => line.GetProperty("MessageId").GetString()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ApiKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain(DisplayName, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Bodyweight, output, StringComparison.Ordinal);
    }

    /// <summary>A body dead-lettered as poison whose reason quotes its <c>type</c>.</summary>
    private static string PoisonOfType(string type) =>
        "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"tests\",\"type\":\"" + JsonEncodedText.Encode(type) + "\"}";
}
