using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching;

/// <summary>The AIMD rules of the chunk limiter, driven chunk by chunk with a hand-moved throttle count.</summary>
public sealed class ChunkConcurrencyLimiterTests
{
    private long _throttles;

    [Fact]
    public void AChunkThatSawThrottling_HalvesTheLimit()
    {
        var limiter = Limiter(8);

        Throttled(limiter);

        Assert.Equal((Limit: 4, Decreases: 1L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void ChunksThatStartedBeforeADecrease_DoNotLowerTheLimitAgain()
    {
        var limiter = Limiter(8);
        var wave = Enumerable.Range(0, 5).Select(_ => limiter.Begin()).ToList();
        _throttles += 5;

        foreach (var sample in wave)
        {
            limiter.End(sample, succeeded: true);
        }

        Assert.Equal((Limit: 4, Decreases: 1L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void AChunkThatStartedAfterTheDecrease_AndStillSawThrottling_HalvesItAgain()
    {
        var limiter = Limiter(8);
        Throttled(limiter);

        Throttled(limiter);

        Assert.Equal((Limit: 2, Decreases: 2L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void TheLimit_NeverFallsBelowOne_AndOnlyRealDecreasesAreCounted()
    {
        var limiter = Limiter(5);

        for (var i = 0; i < 10; i++)
        {
            Throttled(limiter);
        }

        Assert.Equal((Limit: 1, Decreases: 2L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void AfterAsManyCleanChunksAsTheLimit_TheLimitGrowsByOne()
    {
        var limiter = Limiter(5);
        Throttled(limiter);
        Throttled(limiter);
        Assert.Equal(1, limiter.Limit);

        var limits = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            Clean(limiter);
            limits.Add(limiter.Limit);
        }

        // 1 chunk at 1, 2 at 2, 3 at 3, 4 at 4: additive increase, one step per window of clean chunks.
        Assert.Equal([2, 2, 3, 3, 3, 4, 4, 4, 4, 5], limits);
    }

    [Fact]
    public void TheLimit_NeverGrowsAboveTheMaximum()
    {
        var limiter = Limiter(3);

        for (var i = 0; i < 50; i++)
        {
            Clean(limiter);
        }

        Assert.Equal((Limit: 3, Decreases: 0L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void ChunksThatFailedWithoutThrottling_NeitherRaiseNorLowerTheLimit()
    {
        var limiter = Limiter(4);
        Throttled(limiter);

        for (var i = 0; i < 10; i++)
        {
            limiter.End(limiter.Begin(), succeeded: false);
        }

        Assert.Equal((Limit: 2, Decreases: 1L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void WithoutAThrottleCount_TheLimitStaysAtTheMaximum()
    {
        var limiter = new ChunkConcurrencyLimiter(5);

        limiter.End(limiter.Begin(), succeeded: false);
        limiter.End(limiter.Begin(), succeeded: true);

        Assert.Equal((Limit: 5, Decreases: 0L), (limiter.Limit, limiter.Decreases));
    }

    [Fact]
    public void AMaximumBelowOne_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkConcurrencyLimiter(0));

    private ChunkConcurrencyLimiter Limiter(int max) => new(max, () => Interlocked.Read(ref _throttles));

    private void Throttled(ChunkConcurrencyLimiter limiter)
    {
        var sample = limiter.Begin();
        _throttles++;
        limiter.End(sample, succeeded: true);
    }

    private static void Clean(ChunkConcurrencyLimiter limiter) => limiter.End(limiter.Begin(), succeeded: true);
}
