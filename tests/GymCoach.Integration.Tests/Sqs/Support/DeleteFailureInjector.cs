using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using GymCoach.Aws.Sqs;

namespace GymCoach.Integration.Tests.Sqs.Support;

/// <summary>
/// Sits in the SDK's HTTP pipeline in front of a real emulator and turns chosen entries of DeleteMessageBatch responses
/// into failures SQS does not blame on the sender (InternalError), as the service does under load. No SDK type is faked.
/// </summary>
internal sealed class DeleteFailureInjector : DelegatingHandler
{
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly List<string[]> _calls = [];
    private AmazonSQSClient? _client;

    public DeleteFailureInjector()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>The entry ids of each DeleteMessageBatch request, in call order.</summary>
    public IReadOnlyList<string[]> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Reports the entry with batch id <paramref name="entryId"/> as failed the next <paramref name="times"/> times.</summary>
    public DeleteFailureInjector Fail(string entryId, int times)
    {
        _failures[entryId] = times;
        return this;
    }

    /// <summary>A client for <paramref name="connection"/> whose requests pass through this injector, which owns it.</summary>
    public IAmazonSQS CreateClient(SqsConnection connection) => _client ??= new AmazonSQSClient(
        new BasicAWSCredentials("emulator", "emulator"),
        new AmazonSQSConfig
        {
            ServiceURL = connection.ServiceUrl!.ToString(),
            AuthenticationRegion = connection.Region,
            HttpClientFactory = new Factory(this),
        });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isDelete = request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Contains("AmazonSQS.DeleteMessageBatch");
        if (isDelete)
        {
            var sent = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            lock (_calls)
            {
                _calls.Add([.. sent["Entries"]!.AsArray().Select(entry => (string)entry!["Id"]!)]);
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        return isDelete && response.IsSuccessStatusCode ? await InjectAsync(response, cancellationToken) : response;
    }

    private async Task<HttpResponseMessage> InjectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        var successful = body["Successful"]?.AsArray() ?? [];
        var failed = body["Failed"]?.AsArray() ?? [];
        lock (_calls)
        {
            foreach (var entry in successful.ToList())
            {
                var id = (string)entry!["Id"]!;
                if (_failures.TryGetValue(id, out var remaining) && remaining > 0)
                {
                    _failures[id] = remaining - 1;
                    successful.Remove(entry);
                    failed.Add(new JsonObject { ["Id"] = id, ["SenderFault"] = false, ["Code"] = "InternalError", ["Message"] = "Injected." });
                }
            }
        }

        body["Successful"] = successful;
        body["Failed"] = failed;
        response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        return response;
    }

    private sealed class Factory(DeleteFailureInjector handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
    }
}
