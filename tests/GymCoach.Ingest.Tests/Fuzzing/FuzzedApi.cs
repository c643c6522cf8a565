using GymCoach.Ingest.Tests.Support;

namespace GymCoach.Ingest.Tests.Fuzzing;

/// <summary>One API for all of a fuzz class's requests: starting Kestrel per input would cost more than the inputs.</summary>
public sealed class FuzzedApi : IAsyncLifetime
{
    private TestApi? _api;

    internal HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync();
        Client = _api.Client();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}
