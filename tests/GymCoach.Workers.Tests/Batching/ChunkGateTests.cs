using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching;

public sealed class ChunkGateTests
{
    private long _throttles;

    [Fact]
    public async Task ChunksUpToTheLimit_EnterAtOnce_AndTheNextWaitsForOneToLeave()
    {
        var gate = new ChunkGate(new ChunkConcurrencyLimiter(3));

        var entered = Enumerable.Range(0, 3).Select(_ => gate.EnterAsync()).ToList();
        var fourth = gate.EnterAsync();

        Assert.All(entered, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.False(fourth.IsCompleted);
        gate.Leave();
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AfterTheLimitIsLowered_NoChunkEnters_UntilFewerThanTheNewLimitRun()
    {
        var limiter = new ChunkConcurrencyLimiter(4, () => Interlocked.Read(ref _throttles));
        var gate = new ChunkGate(limiter);
        for (var i = 0; i < 4; i++)
        {
            Assert.True(gate.EnterAsync().IsCompletedSuccessfully);
        }

        var sample = limiter.Begin();
        _throttles++;
        limiter.End(sample, succeeded: true);
        var waiting = gate.EnterAsync();
        gate.Leave();
        gate.Leave();

        // Four ran, two left: two still run, which the new limit of 2 allows, but no more.
        Assert.Equal(2, limiter.Limit);
        Assert.False(waiting.IsCompleted);
        gate.Leave();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Waiters_EnterInArrivalOrder_OneSlotAtATime()
    {
        var gate = new ChunkGate(new ChunkConcurrencyLimiter(1));
        Assert.True(gate.EnterAsync().IsCompletedSuccessfully);
        var first = gate.EnterAsync();
        var second = gate.EnterAsync();

        gate.Leave();

        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        gate.Leave();
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
