using System.Runtime.ExceptionServices;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>One caller's work waiting in a <see cref="GroupCommit"/>: done when its group is committed, or told to commit the next group itself.</summary>
internal sealed class PendingWrite(Action<StateDatabase> work) : IDisposable
{
    private readonly ManualResetEventSlim _signal = new(initialState: false, spinCount: 50);
    private ExceptionDispatchInfo? _failure;

    public Action<StateDatabase> Work { get; } = work;

    /// <summary>Set instead of done: the caller is to commit the group waiting now (its own write among it).</summary>
    public bool Leads { get; private set; }

    public void Wait() => _signal.Wait();

    public void Complete(Exception? failure)
    {
        _failure = failure is null ? null : ExceptionDispatchInfo.Capture(failure);
        _signal.Set();
    }

    public void Lead()
    {
        Leads = true;
        _signal.Set();
    }

    /// <summary>Rethrows what failed this write, with its original stack.</summary>
    public void ThrowIfFailed() => _failure?.Throw();

    public void Dispose() => _signal.Dispose();
}
