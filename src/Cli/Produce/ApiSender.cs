using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GymCoach.Cli.Commands;

namespace GymCoach.Cli.Produce;

/// <summary>Posts requests to the API, retrying what may succeed later (429, 5xx, connection errors) with the same Idempotency-Key.</summary>
/// <remarks>
/// A batch the API rejects is rejected whole, so its lines are then posted one by one: the good ones go in and the
/// bad ones are named by line. A key the API refuses (401, 403) stops the whole run.
/// </remarks>
internal sealed class ApiSender(HttpClient client, ProduceTally tally, string runId)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public async Task SendAsync(ProduceRequest request, CancellationToken cancellationToken)
    {
        var (accepted, reason) = await PostAsync(request, cancellationToken);
        if (accepted)
        {
            tally.Accept(request.Lines.Count);
            return;
        }

        if (request.IsBatch && request.Lines.Count > 1)
        {
            foreach (var line in request.Lines)
            {
                await SendAsync(ProduceRequest.Single(line), cancellationToken);
            }

            return;
        }

        foreach (var line in request.Lines)
        {
            tally.Reject(line.Number, reason);
        }
    }

    private async Task<(bool Accepted, string Reason)> PostAsync(ProduceRequest request, CancellationToken cancellationToken)
    {
        var body = request.Body();
        var idempotencyKey = Guid.NewGuid().ToString("N");
        var correlationId = string.Create(CultureInfo.InvariantCulture, $"produce-{runId}-L{request.Lines[0].Number}");
        var reason = "not sent";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            tally.Request();
            TimeSpan? retryAfter = null;
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, request.Path)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                message.Headers.Add("Idempotency-Key", idempotencyKey);
                message.Headers.Add("X-Correlation-Id", correlationId);
                using var response = await client.SendAsync(message, cancellationToken);
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (true, string.Empty);
                }

                reason = await DescribeAsync(response, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new CommandFailedException($"the API refused the key: {reason}");
                }

                if (status != 429 && status < 500 && response.StatusCode != HttpStatusCode.Conflict)
                {
                    return (false, reason);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException ex)
            {
                reason = $"could not reach the API: {ex.Message}";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                reason = "the API did not answer in time";
            }

            if (attempt < MaxAttempts)
            {
                var backoff = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
                await Task.Delay(Min(retryAfter ?? backoff, MaxBackoff), cancellationToken);
            }
        }

        return (false, $"gave up after {MaxAttempts} attempts: {reason}");
    }

    /// <summary>The status, the problem's title, and its first invalid field.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode}");
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            if (root.TryGetProperty("title", out var title))
            {
                text += " " + title.GetString();
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var all = errors.EnumerateObject().ToList();
                if (all.Count > 0)
                {
                    var first = all[0];
                    text += $": {first.Name} {first.Value.EnumerateArray().FirstOrDefault().GetString()}";
                    text += all.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {all.Count - 1} more)") : string.Empty;
                }
            }
            else if (root.TryGetProperty("detail", out var detail))
            {
                text += ": " + detail.GetString();
            }
        }
        catch (JsonException)
        {
            text += " " + response.ReasonPhrase;
        }

        return text;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
