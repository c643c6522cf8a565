using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GymCoach.Contracts.Events;

namespace GymCoach.Cli.Demo;

/// <summary>The demo's producers: post a wave of the workload to the ingest API over HTTP, as many apps would at once.</summary>
/// <param name="retryUnanswered">
/// Post again, with the same content, whatever got no answer (the server was killed or not up yet), as a producer
/// would; the pipeline's idempotency must absorb the copies that had been accepted after all.
/// </param>
internal sealed class DemoApiClient(HttpClient http, string apiKey, bool retryUnanswered = false)
{
    private const int Concurrency = 8;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private long _retries;

    /// <summary>Posts sent again because no answer came.</summary>
    public long Retries => Interlocked.Read(ref _retries);
    private const int WorkoutsPerBatch = 100;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Posts every request of the wave; returns how many the API refused as invalid.</summary>
    /// <exception cref="InvalidOperationException">The API refused a valid request or accepted an invalid one.</exception>
    public async Task<int> PostWaveAsync(IReadOnlyList<DemoPost> wave, Action<int> accepted, CancellationToken cancellationToken)
    {
        var rejected = 0;
        var requests = new List<Func<CancellationToken, Task>>();
        var workouts = wave.OfType<WorkoutPost>().Select(p => p.Workout).ToList();
        for (var start = 0; start < workouts.Count; start += WorkoutsPerBatch)
        {
            var batch = workouts.GetRange(start, Math.Min(WorkoutsPerBatch, workouts.Count - start));
            requests.Add(async token =>
            {
                await ExpectAsync(HttpStatusCode.Accepted, "/v1/workouts:batch", BatchBody(batch), token);
                accepted(batch.Count);
            });
        }

        foreach (var profiles in wave.OfType<ProfilePosts>())
        {
            requests.Add(async token =>
            {
                // One after the other: the API stamps each with its arrival time, so the latest must win.
                await ExpectAsync(HttpStatusCode.Accepted, "/v1/profiles", JsonSerializer.Serialize(profiles.First, EventJsonContext.Default.ProfileUpdated), token);
                await ExpectAsync(HttpStatusCode.Accepted, "/v1/profiles", JsonSerializer.Serialize(profiles.Latest, EventJsonContext.Default.ProfileUpdated), token);
                accepted(2);
            });
        }

        foreach (var invalid in wave.OfType<InvalidPost>())
        {
            requests.Add(async token =>
            {
                await ExpectAsync(HttpStatusCode.BadRequest, invalid.Path, invalid.Body, token);
                Interlocked.Increment(ref rejected);
            });
        }

        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (request, token) => await request(token));
        return rejected;
    }

    private async Task ExpectAsync(HttpStatusCode expected, string path, string body, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await PostAsync(expected, path, body, cancellationToken);
                return;
            }
            catch (Exception ex) when (retryUnanswered && !cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or TaskCanceledException)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private async Task PostAsync(HttpStatusCode expected, string path, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != expected)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}, expected {(int)expected}: {problem}");
        }
    }

    private static string BatchBody(List<WorkoutLogged> workouts)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("workouts");
            foreach (var workout in workouts)
            {
                JsonSerializer.Serialize(writer, workout, EventJsonContext.Default.WorkoutLogged);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
