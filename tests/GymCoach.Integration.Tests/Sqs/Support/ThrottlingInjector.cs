using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.SQS;
using GymCoach.Aws.Sqs;

namespace GymCoach.Integration.Tests.Sqs.Support;

/// <summary>
/// Sits in the SDK's HTTP pipeline in front of a real emulator and answers the first calls of chosen operations as SQS
/// answers a throttled request (400, <c>RequestThrottled</c>) without passing them on. No SDK type is faked.
/// </summary>
internal sealed class ThrottlingInjector : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, int> _toThrottle = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private AmazonSQSClient? _client;

    public ThrottlingInjector()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Throttles the next <paramref name="times"/> calls of <paramref name="operation"/> (e.g. <c>SendMessageBatch</c>).</summary>
    public ThrottlingInjector Throttle(string operation, int times)
    {
        _toThrottle[operation] = times;
        return this;
    }

    /// <summary>Requests seen for an operation, throttled or not.</summary>
    public int Calls(string operation) => _calls.GetValueOrDefault(operation);

    /// <summary>
    /// A client for <paramref name="connection"/> whose requests pass through this injector, which owns it. The SDK's own
    /// retries are off, so that every throttling answer reaches the code under test and can be counted exactly.
    /// </summary>
    public IAmazonSQS CreateClient(SqsConnection connection) => _client ??= new AmazonSQSClient(
        new BasicAWSCredentials("emulator", "emulator"),
        new AmazonSQSConfig
        {
            ServiceURL = connection.ServiceUrl!.ToString(),
            AuthenticationRegion = connection.Region,
            MaxErrorRetry = 0,
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
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.')[^1] : string.Empty;
        _calls.AddOrUpdate(operation, 1, static (_, count) => count + 1);
        var throttled = false;
        _toThrottle.AddOrUpdate(operation, 0, (_, left) =>
        {
            throttled = left > 0;
            return Math.Max(0, left - 1);
        });
        if (!throttled)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("{\"__type\":\"com.amazonaws.sqs#RequestThrottled\",\"message\":\"Rate exceeded (injected).\"}", Encoding.UTF8),
        };
        response.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        response.Headers.TryAddWithoutValidation("x-amzn-query-error", "RequestThrottled;Sender");
        return response;
    }

    private sealed class Factory(ThrottlingInjector handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
    }
}
