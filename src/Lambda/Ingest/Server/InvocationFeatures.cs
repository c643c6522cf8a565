using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GymCoach.Ingest.Lambda.Server;

/// <summary>The features of one request made from one invocation: what a connection gives Kestrel's requests, made from the event instead.</summary>
internal sealed class InvocationFeatures : IHttpRequestBodyDetectionFeature
{
    public InvocationFeatures(HttpRequestFeature request, HttpConnectionFeature connection, string requestId, CancellationToken aborted)
    {
        Request = request;
        ResponseBody = new StreamResponseBodyFeature(ResponseBuffer);
        Collection.Set<IHttpRequestFeature>(request);
        Collection.Set<IHttpConnectionFeature>(connection);
        Collection.Set<IHttpResponseFeature>(Response);
        Collection.Set<IHttpResponseBodyFeature>(ResponseBody);
        Collection.Set<IHttpRequestIdentifierFeature>(new HttpRequestIdentifierFeature { TraceIdentifier = requestId });
        Collection.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = aborted });
        Collection.Set<IHttpRequestBodyDetectionFeature>(this);
    }

    public FeatureCollection Collection { get; } = new();

    public HttpRequestFeature Request { get; }

    public BufferedResponseFeature Response { get; } = new();

    public StreamResponseBodyFeature ResponseBody { get; }

    /// <summary>Everything the application wrote to the response body.</summary>
    public MemoryStream ResponseBuffer { get; } = new();

    public bool CanHaveBody => Request.Body.Length > 0;
}
