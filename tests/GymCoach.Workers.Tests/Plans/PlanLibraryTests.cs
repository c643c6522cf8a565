using System.Text.Json;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Plans;

namespace GymCoach.Workers.Tests.Plans;

public sealed class PlanLibraryTests
{
    [Fact]
    public void TheEmbeddedPlanFiles_AllLoad_AndBreakNoRule()
    {
        var files = PlanLibrary.ReadFiles();

        Assert.True(files.Count >= 4, $"expected the built-in programmes, found {files.Count} plan files");
        Assert.Empty(PlanLibrary.Problems(files));
        Assert.Equal(files.Count, PlanLibrary.All.Count);
    }

    [Fact]
    public void EveryExerciseOfEveryPlan_IsInTheExerciseLibrary()
    {
        var missing = PlanLibrary.All
            .SelectMany(plan => plan.Sessions.SelectMany(session => session.Exercises.Select(exercise => (plan.Id, exercise.ExerciseId))))
            .Where(use => !ExerciseLibrary.TryGet(use.ExerciseId, out _))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TheLibrary_HasTheWellKnownProgrammes_OrderedById()
    {
        var ids = PlanLibrary.All.Select(plan => plan.Id).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("starting-strength", ids);
        Assert.Contains("stronglifts-5x5", ids);
        Assert.Contains("wendler-531-bbb", ids);
        Assert.Contains("push-pull-legs", ids);
    }

    [Fact]
    public void APlanNamingAnUnknownExercise_OrFiledUnderTheWrongVersion_IsReported()
    {
        var plan = PlanLibrary.All[0] with
        {
            Sessions = [new PlanSession { Name = "Day", Exercises = [new PlanExercise { ExerciseId = "zercher-squat", Sets = 0, Reps = " " }] }],
        };

        var problems = PlanLibrary.Problems([($"{plan.Id}.v{plan.Version + 1}.json", plan), ($"{plan.Id}.v{plan.Version}.json", plan)]);

        Assert.Contains(problems, p => p.Contains("sessions[0].exercises[0].exerciseId 'zercher-squat' is not in the exercise library", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("sessions[0].exercises[0].sets", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("sessions[0].exercises[0].reps", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains($"belongs in {plan.Id}.v{plan.Version}.json", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is used by another plan", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileWithAnUnknownMember_IsNotAPlan()
    {
        const string Json = """{"id":"x","version":1,"name":"X","origin":"o","level":"beginner","daysPerWeek":3,"summary":"s","progression":"p","sessions":[],"weeks":4}""";

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(Json, PlanJsonContext.Default.WorkoutPlan));
    }
}
