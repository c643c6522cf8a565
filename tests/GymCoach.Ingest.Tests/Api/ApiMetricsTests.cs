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

        // The middleware records after the response has gone out, so the last request may land a moment later; its count
        // and its latency are two records, so a flush can fall between them: wait for both.
        var byClass = new Dictionary<string, double>(StringComparer.Ordinal);
        var latencies = 0;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((byClass.Values.Sum() < 3 || latencies < 3) && DateTime.UtcNow < deadline)
        {
            using var output = new StringWriter();
            metrics.Flush(output);
            foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var document = JsonDocument.Parse(line).RootElement;
                if (document.TryGetProperty("StatusClass", out var statusClass))
                {
                    byClass[statusClass.GetString()!] = byClass.GetValueOrDefault(statusClass.GetString()!) + document.GetProperty("ApiRequests").GetDouble();
                }

                if (document.TryGetProperty("ApiLatency", out var latency))
                {
                    latencies += latency.ValueKind == JsonValueKind.Array ? latency.GetArrayLength() : 1;
                }
            }

            await Task.Delay(20);
        }

        Assert.Equal(2, byClass["2xx"]);
        Assert.Equal(1, byClass["4xx"]);
        Assert.Equal(3, latencies);
    }
}
