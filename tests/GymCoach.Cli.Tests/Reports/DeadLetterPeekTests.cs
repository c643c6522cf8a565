using GymCoach.Cli.Reports;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Queueing;

namespace GymCoach.Cli.Tests.Reports;

public sealed class DeadLetterPeekTests
{
    [Fact]
    public async Task APeek_ReturnsEveryMessage_AndLeavesThemAllVisible()
    {
        var (_, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 25);

        var first = await DeadLetterPeek.PeekAsync(deadLetters, 100, TimeSpan.Zero, CancellationToken.None);
        var counts = await deadLetters.GetCountsAsync(CancellationToken.None);
        var second = await DeadLetterPeek.PeekAsync(deadLetters, 100, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(25, first.Count);
        Assert.Equal(25, first.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(25, counts.Visible);
        Assert.Equal(0, counts.InFlight);
        Assert.Equal(first.Select(m => m.MessageId).Order(), second.Select(m => m.MessageId).Order());
        Assert.All(second, m => Assert.Equal(2, m.ApproximateReceiveCount));
    }

    [Fact]
    public async Task APeek_StopsAtMax_AndWhenTheMessageLookedForTurnsUp()
    {
        var (_, deadLetters) = DeadLetterSamples.EmbeddedPair();
        await DeadLetterSamples.SendAsync(deadLetters, 30);

        var limited = await DeadLetterPeek.PeekAsync(deadLetters, 12, TimeSpan.Zero, CancellationToken.None);
        var stopped = await DeadLetterPeek.PeekAsync(deadLetters, 100, TimeSpan.Zero, CancellationToken.None, m => m.GetStringAttribute(MessageAttributeNames.CorrelationId) != null);

        Assert.Equal(12, limited.Count);
        Assert.Equal(10, stopped.Count);
        Assert.Equal(30, (await deadLetters.GetCountsAsync(CancellationToken.None)).Visible);
    }

    [Fact]
    public async Task AnEmptyQueue_PeeksAsNothing() =>
        Assert.Empty(await DeadLetterPeek.PeekAsync(DeadLetterSamples.EmbeddedPair().DeadLetters, 10, TimeSpan.Zero, CancellationToken.None));
}
