using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Tests.Queueing.Fakes;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Queueing;

public sealed class ThrottleBackoffQueueTests
{
    private static readonly ThrottleBackoffOptions Quick = Options(TimeSpan.FromSeconds(20));

    private readonly ThrottlingQueue _inner = new();
    private readonly RecordingDelays _time = new();

    [Fact]
    public async Task ABatchRefusedForThrottling_IsSentAgain_AfterExponentialBackoffWithFullJitter()
    {
        _inner.CallsToRefuse = 4;
        var queue = new ThrottleBackoffQueue(_inner, Quick, _time, new ScriptedRandom(0.5, 0.1, 0.9, 0.5));

        var outcomes = await queue.SendBatchAsync(Messages("a", "b"), CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded));
        Assert.Equal(5, _inner.Sends.Count);
        Assert.Equal(4, queue.Throttles);

        // A random share of a ceiling doubling from 100 ms up to 400 ms.
        Assert.Equal([50.0, 20.0, 360.0, 200.0], _time.Delays.Select(delay => delay.TotalMilliseconds));
    }

    [Fact]
    public async Task EntriesRefusedForThrottling_AreSentAgainAlone()
    {
        _inner.EntriesToThrottle["b"] = 2;
        var queue = new ThrottleBackoffQueue(_inner, Quick, _time);

        var outcomes = await queue.SendBatchAsync(Messages("a", "b", "c"), CancellationToken.None);

        Assert.Equal(["id-a", "id-b", "id-c"], outcomes.Select(outcome => outcome.MessageId));
        Assert.Equal([["a", "b", "c"], ["b"], ["b"]], _inner.Sends);
        Assert.Equal(2, queue.Throttles);
    }

    [Theory]
    [InlineData("ThrottlingException")]
    [InlineData("OverLimit")]
    [InlineData("KmsThrottled")]
    public async Task ADeleteRefusedForThrottling_IsSentAgain(string errorCode)
    {
        _inner.CallsToRefuse = 2;
        _inner.ErrorCode = errorCode;
        // Scripted jitter: Task.Delay completes a wait under 1 ms without a timer, so a random one could go unrecorded.
        var queue = new ThrottleBackoffQueue(_inner, Quick, _time, new ScriptedRandom(0.5));

        var refused = await queue.DeleteBatchAsync(["h1", "h2"], CancellationToken.None);

        Assert.Empty(refused);
        Assert.Equal(3, _inner.Deletes.Count);
        Assert.Equal(2, _time.Delays.Count);
    }

    [Fact]
    public async Task ThrottlingPastTheRetryWindow_FailsTheCall_AsWithoutTheWrapper()
    {
        _inner.CallsToRefuse = int.MaxValue;
        var queue = new ThrottleBackoffQueue(_inner, Options(TimeSpan.FromSeconds(1)), _time, new ScriptedRandom(0.99));

        var failure = await Assert.ThrowsAsync<SqsRequestException>(() => queue.SendBatchAsync(Messages("a"), CancellationToken.None));

        // 99 + 198 + 396 + 396 ms waited is past the second; the fifth answer is the caller's.
        Assert.Equal("RequestThrottled", failure.ErrorCode);
        Assert.Equal(5, _inner.Sends.Count);
        Assert.Equal(5, queue.Throttles);
    }

    [Fact]
    public async Task EntriesStillThrottledPastTheWindow_KeepTheirThrottlingOutcome()
    {
        _inner.EntriesToThrottle["b"] = int.MaxValue;
        var queue = new ThrottleBackoffQueue(_inner, Options(TimeSpan.Zero), _time);

        var outcomes = await queue.SendBatchAsync(Messages("a", "b"), CancellationToken.None);

        Assert.True(outcomes[0].Succeeded);
        Assert.StartsWith("RequestThrottled:", outcomes[1].Error, StringComparison.Ordinal);
        Assert.Single(_inner.Sends);
    }

    [Fact]
    public async Task OtherErrors_PassStraightThrough()
    {
        _inner.CallsToRefuse = 1;
        _inner.ErrorCode = "InternalError";
        var queue = new ThrottleBackoffQueue(_inner, Quick, _time);

        await Assert.ThrowsAsync<SqsRequestException>(() => queue.SendBatchAsync(Messages("a"), CancellationToken.None));

        Assert.Single(_inner.Sends);
        Assert.Equal(0, queue.Throttles);
    }

    [Fact]
    public async Task TheCallersCancellation_EndsTheBackoff()
    {
        _inner.CallsToRefuse = int.MaxValue;
        var queue = new ThrottleBackoffQueue(_inner, new ThrottleBackoffOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(10) }, random: new ScriptedRandom(1.0));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.SendBatchAsync(Messages("a"), cancellation.Token));
    }

    [Fact]
    public void InvalidOptions_AreAllReportedAtOnce()
    {
        var options = new ThrottleBackoffOptions { BaseDelay = TimeSpan.FromSeconds(-1), MaxDelay = TimeSpan.FromMinutes(2), RetryWindow = TimeSpan.FromHours(1) };

        var failure = Assert.Throws<ArgumentException>(options.Validate);

        Assert.All(["BaseDelay", "MaxDelay", "RetryWindow"], name => Assert.Contains(name, failure.Message, StringComparison.Ordinal));
    }

    private static ThrottleBackoffOptions Options(TimeSpan retryWindow) =>
        new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(400), RetryWindow = retryWindow };

    private static OutgoingMessage[] Messages(params string[] bodies) => [.. bodies.Select(body => new OutgoingMessage { Body = body })];
}
