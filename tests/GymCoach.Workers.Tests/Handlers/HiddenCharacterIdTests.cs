using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Handlers;

/// <summary>The workers apply the API's id alphabet: a queued event whose id hides characters is poison, with a reason SQS can carry.</summary>
public sealed class HiddenCharacterIdTests
{
    private readonly WorkerHarness _harness = new();

    [Theory]
    [InlineData("a\u202Eb", "U+202E")]
    [InlineData("a\u001B[2Jb", "U+001B")]
    [InlineData("user-1\u200B", "U+200B")]
    public async Task AWorkoutWithSuchAUserId_IsDeadLetteredNamingTheCharacter_OthersInTheChunkSucceed(string userId, string codePoint)
    {
        var bad = WorkoutBuilder.For(userId).WithId("w-bad").Exercise("deadlift", (5, 100m)).Build();
        var good = WorkoutBuilder.For("alice").WithId("w-good").Exercise("deadlift", (5, 100m)).Build();

        var outcome = await _harness.WriteAsync(WorkerHarness.WorkoutBody(bad), WorkerHarness.WorkoutBody(good));

        Assert.Equal(1, outcome.Succeeded);
        var reason = Assert.Single(await _harness.WritesDeadLettersAsync()).GetStringAttribute(MessageAttributeNames.FailureReason);
        Assert.NotNull(reason);
        Assert.Contains("userId", reason, StringComparison.Ordinal);
        Assert.Contains(codePoint, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(userId, reason, StringComparison.Ordinal);
    }
}
