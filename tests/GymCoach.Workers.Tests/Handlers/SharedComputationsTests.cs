using System.Diagnostics;
using GymCoach.Workers.Handlers;

namespace GymCoach.Workers.Tests.Handlers;

public sealed class SharedComputationsTests
{
    private readonly SharedComputations<int> _computations = new();

    [Fact]
    public async Task AChunkThatBeganBeforeARunningComputation_JoinsIt()
    {
        var begun = Stopwatch.GetTimestamp();
        var release = new TaskCompletionSource<int>();
        var runs = 0;
        Task<int> Compute(CancellationToken _)
        {
            Interlocked.Increment(ref runs);
            return release.Task;
        }

        var first = _computations.RunAsync("u", begun, Compute, CancellationToken.None);
        var second = _computations.RunAsync("u", begun, Compute, CancellationToken.None);
        release.SetResult(7);

        Assert.Equal(7, await first);
        Assert.Equal(7, await second);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task AChunkThatBeganAfterARunningComputationStarted_RunsItsOwn()
    {
        var release = new TaskCompletionSource<int>();
        var first = _computations.RunAsync("u", Stopwatch.GetTimestamp(), _ => release.Task, CancellationToken.None);
        await Task.Delay(5);

        // The running one may have read the data before this chunk's requests were even sent: it must not be reused.
        var second = await _computations.RunAsync("u", Stopwatch.GetTimestamp(), _ => Task.FromResult(8), CancellationToken.None);
        release.SetResult(7);

        Assert.Equal(8, second);
        Assert.Equal(7, await first);
    }

    [Fact]
    public async Task AFailedComputation_FailsEveryoneWhoJoinedIt_AndIsNotKept()
    {
        var begun = Stopwatch.GetTimestamp();
        var release = new TaskCompletionSource<int>();
        var first = _computations.RunAsync("u", begun, _ => release.Task, CancellationToken.None);
        var joined = _computations.RunAsync("u", begun, _ => Task.FromResult(0), CancellationToken.None);
        release.SetException(new TimeoutException("store timed out"));

        await Assert.ThrowsAsync<TimeoutException>(() => first);
        await Assert.ThrowsAsync<TimeoutException>(() => joined);
        Assert.Equal(9, await _computations.RunAsync("u", begun, _ => Task.FromResult(9), CancellationToken.None));
    }
}
