using GymCoach.Lambda.Runtime;
using GymCoach.Workers.Functions;

namespace GymCoach.Lambda.Tests.Support;

/// <summary>A <see cref="RuntimeLoop"/> with the SQS handler looping in this process against a <see cref="FakeRuntimeApi"/>, stopped on dispose.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly HttpClient _httpClient = RuntimeApiClient.CreateHttpClient();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SqsInvocationHandler _handler;

    public RuntimeHarness(ISqsFunction function, Serilog.ILogger? logger = null)
    {
        Api = FakeRuntimeApi.Start();
        Client = new RuntimeApiClient(Api.Address, _httpClient);
        _handler = new SqsInvocationHandler(function, logger);
        Loop = new RuntimeLoop(Client, _handler, logger).RunAsync(_stopping.Token);
    }

    public FakeRuntimeApi Api { get; }

    public RuntimeApiClient Client { get; }

    /// <summary>The running loop: completes when stopped, faults when the runtime API breaks down.</summary>
    public Task Loop { get; }

    public Task StopAsync() => _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (RuntimeApiException)
        {
            // Asserted by the tests that expect it.
        }

        await Api.DisposeAsync();
        _handler.Dispose();
        _httpClient.Dispose();
        _stopping.Dispose();
    }
}

/// <summary>Tests that run a runtime loop in this process share the process-wide <c>_X_AMZN_TRACE_ID</c>: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class InProcessRuntimeCollection
{
    public const string Name = "In-process runtime loop";
}
