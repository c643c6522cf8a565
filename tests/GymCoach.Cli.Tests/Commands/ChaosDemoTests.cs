using GymCoach.Cli.Backends;
using GymCoach.Cli.Demo;
using GymCoach.Cli.Tests.Support;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Storage;

namespace GymCoach.Cli.Tests.Commands;

/// <summary>
/// The crash test: <c>gymcoach demo --chaos</c> runs <c>gymcoach run</c> as a child process, kills it with SIGKILL at
/// random moments while the producers post (and retry what got no answer) and the workers process, and starts it again
/// on the same state. Every accepted workout must then be counted exactly once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ChaosDemoTests : IDisposable
{
    private const int Users = 12;
    private const int Workouts = 1_500;
    private const int Seed = 7;
    private readonly string _state = Directory.CreateTempSubdirectory("gymcoach-chaos-").FullName;

    [Fact]
    public async Task KillingTheWorkersAtRandomMoments_LosesNothing_AndCountsNothingTwice()
    {
        var result = await CliProcess.RunAsync(
            TimeSpan.FromMinutes(8),
            null,
            "demo", "--chaos", "--kills", "4", "--users", $"{Users}", "--workouts", $"{Workouts}", "--seed", $"{Seed}", "--state", _state);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Equal(4, result.StandardError.Split('\n').Count(line => line.StartsWith("chaos: kill ", StringComparison.Ordinal)));
        Assert.Contains("lost                  0 ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("double-counted        0 ", result.StandardOutput, StringComparison.Ordinal);

        // Checked here too, from the state the killed processes left: each user's analytics from exactly their workouts.
        var workload = new WorkloadGenerator(new DemoOptions { Users = Users, Workouts = Workouts, Seed = Seed }).Generate();
        await using var state = await EmbeddedBackend.OpenAsync(_state, StateAccess.ReadOnly, "test", CancellationToken.None);
        foreach (var (userId, workouts) in workload.WorkoutsByUser.Where(user => user.Value.Count > 0))
        {
            var stored = await state.Store.GetAsync(TableKeys.UserPartition(userId), TableKeys.AnalyticsSortKey, CancellationToken.None);
            var document = AnalyticsItems.ReadDocument(stored!);
            var expected = AnalyticsDocument.From(AnalyticsCalculator.Compute(userId, workouts, document.ComputedAt));
            Assert.Equal(workouts.Count, document.ComputedFromWorkouts);
            Assert.Equal(AnalyticsJson.Serialize(expected), AnalyticsJson.Serialize(document));
        }
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
