using Microsoft.AspNetCore.Http.Features;

namespace GymCoach.Ingest.Lambda.Server;

/// <summary>The response's status and headers, kept until the invocation ends, with the callbacks registered on it.</summary>
/// <remarks>
/// The function's answer is one document, so nothing is sent before the pipeline finishes: the response never "starts"
/// early, and a middleware may still replace it (for example with a problem) however much of the body was written.
/// The callbacks run in the order ASP.NET Core servers run them: <c>OnStarting</c> last registered first.
/// </remarks>
internal sealed class BufferedResponseFeature : HttpResponseFeature
{
    private readonly Stack<(Func<object, Task> Callback, object State)> _starting = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> _completed = new();
    private bool _started;

    public override bool HasStarted => _started;

    public override void OnStarting(Func<object, Task> callback, object state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _starting.Push((callback, state));
    }

    public override void OnCompleted(Func<object, Task> callback, object state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _completed.Push((callback, state));
    }

    /// <summary>Runs the <c>OnStarting</c> callbacks once; from then on the headers are final.</summary>
    public async Task StartAsync()
    {
        if (_started)
        {
            return;
        }

        while (_starting.TryPop(out var entry))
        {
            await entry.Callback(entry.State);
        }

        _started = true;
    }

    public async Task CompleteAsync()
    {
        while (_completed.TryPop(out var entry))
        {
            await entry.Callback(entry.State);
        }
    }
}
