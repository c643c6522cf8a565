using System.Text.Json;
using GymCoach.Ingest.Tests.Support;
using GymCoach.Workers.Metrics;

namespace GymCoach.Ingest.Tests.Api;

public sealed class ApiMetricsTests
{
    [Fact]
    public async Task EveryRequest_IsCountedByStatusClass_WithItsLatency()
    {
        var metrics = new MetricsRecorder("gymcoach-api-test");
        await using var api = await TestApi.StartAsync(metrics: metrics);

        using (await api.Client(null).GetAsync(new Uri("health", UriKind.Relative)))
        using (await api.Client(null).GetAsync(new Uri("health", UriKind.Relative)))
        using (await api.Client(null).GetAsync(new Uri("v1/users/u1/analytics", UriKind.Relative)))
        {
        }

        using var output = new StringWriter();
        metrics.Flush(output);
        var documents = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var byClass = documents.Where(d => d.TryGetProperty("StatusClass", out _))
            .ToDictionary(d => d.GetProperty("StatusClass").GetString()!, d => d.GetProperty("ApiRequests").GetDouble());
        Assert.Equal(2, byClass["2xx"]);
        Assert.Equal(1, byClass["4xx"]);
        var latencies = documents.Single(d => d.TryGetProperty("ApiLatency", out _)).GetProperty("ApiLatency");
        Assert.Equal(3, latencies.ValueKind == JsonValueKind.Array ? latencies.GetArrayLength() : 1);
    }
}
