using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>
/// Sits in the SDK client's HTTP pipeline and injects DynamoDB's failure answers — throttling, unprocessed items,
/// cancelled transactions, lost responses — by operation and call number, passing everything else to the real server.
/// </summary>
/// <remarks>
/// Kept-back items are really not written, so a store that does not retry them is caught. DynamoDB Local does not
/// check request signatures, which lets a request body be changed here after the SDK signed it.
/// </remarks>
public sealed class DynamoFaultHandler(Func<string, int, Fault> plan) : DelegatingHandler(new SocketsHttpHandler())
{
    private const string JsonType = "application/x-amz-json-1.0";
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private int _injected;
    private int _keptBack;
    private int _answered;

    /// <summary>Faults injected so far.</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>Requests the server has answered so far.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Items answered as unprocessed so far.</summary>
    public int KeptBack => Volatile.Read(ref _keptBack);

    /// <summary>Requests seen for an operation (e.g. <c>BatchWriteItem</c>), faulted or not.</summary>
    public int Calls(string operation) => _calls.GetValueOrDefault(operation);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.')[^1] : string.Empty;
        var call = _calls.AddOrUpdate(operation, 1, static (_, count) => count + 1) - 1;
        var fault = plan(operation, call);
        if (fault != Fault.None)
        {
            Interlocked.Increment(ref _injected);
        }

        switch (fault)
        {
            case Fault.ProvisionedThroughputExceeded:
                return Error("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "injected: throughput exceeded");
            case Fault.Throttling:
                return Error("com.amazon.coral.availability#ThrottlingException", "injected: rate exceeded");
            case Fault.HalfUnprocessed:
                return await KeepBackHalfAsync(request, cancellationToken);
            case Fault.TransactionThrottled:
                return await CancelTransactionAsync(request, "ThrottlingError");
            case Fault.TransactionConflict:
                return await CancelTransactionAsync(request, "TransactionConflict");
            case Fault.LoseResponse:
                using (await base.SendAsync(request, cancellationToken))
                {
                    throw new HttpRequestException("injected: the connection dropped after the request was applied");
                }

            default:
                var response = await base.SendAsync(request, cancellationToken);
                Interlocked.Increment(ref _answered);
                return response;
        }
    }

    private static HttpResponseMessage Error(string type, string message) => new(HttpStatusCode.BadRequest)
    {
        Content = Json(new JsonObject { ["__type"] = type, ["message"] = message }),
    };

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, JsonType);

    private async Task<HttpResponseMessage> KeepBackHalfAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        var (table, items) = body["RequestItems"]!.AsObject().Single();
        var all = items!.AsArray().Select(item => item!.DeepClone()).ToList();
        var kept = all.Count / 2;
        var unprocessed = new JsonObject { [table] = new JsonArray([.. all.Skip(kept)]) };
        Interlocked.Add(ref _keptBack, all.Count - kept);
        if (kept == 0)
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = Json(new JsonObject { ["UnprocessedItems"] = unprocessed }) };
        }

        body["RequestItems"]![table] = new JsonArray([.. all.Take(kept)]);
        using var forwarded = new HttpRequestMessage(request.Method, request.RequestUri) { Content = Json(body) };
        forwarded.Content.Headers.ContentType = request.Content.Headers.ContentType;
        foreach (var header in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var response = await base.SendAsync(forwarded, cancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            answer["UnprocessedItems"] = unprocessed;
        }

        // The SDK checks x-amz-crc32 when present; the body has changed, so the header is not copied.
        return new HttpResponseMessage(response.StatusCode) { Content = Json(answer) };
    }

    private static async Task<HttpResponseMessage> CancelTransactionAsync(HttpRequestMessage request, string code)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync())!;
        var reasons = new JsonArray();
        foreach (var _ in body["TransactItems"]!.AsArray())
        {
            reasons.Add(new JsonObject { ["Code"] = code, ["Message"] = "injected" });
        }

        return new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = Json(new JsonObject
            {
                ["__type"] = "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
                ["Message"] = $"Transaction cancelled, please refer cancellation reasons for specific reasons [{code}]",
                ["CancellationReasons"] = reasons,
            }),
        };
    }
}
