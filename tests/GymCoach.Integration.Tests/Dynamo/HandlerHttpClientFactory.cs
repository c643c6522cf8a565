using Amazon.Runtime;

namespace GymCoach.Integration.Tests.Dynamo;

/// <summary>Gives an SDK client one HttpClient over the given handler, so a test sees and shapes every request.</summary>
public sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory, IDisposable
{
    private readonly HttpClient _client = new(handler, disposeHandler: true);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose() => _client.Dispose();
}
