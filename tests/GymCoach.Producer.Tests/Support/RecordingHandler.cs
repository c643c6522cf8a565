namespace GymCoach.Producer.Tests.Support;

/// <summary>Records each request's path and headers before passing it on to the network.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotencyKey = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(request.RequestUri!.AbsolutePath, idempotencyKey));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
