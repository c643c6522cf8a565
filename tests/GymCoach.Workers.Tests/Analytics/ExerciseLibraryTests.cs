using GymCoach.Workers.Analytics;

namespace GymCoach.Workers.Tests.Analytics;

public sealed class ExerciseLibraryTests
{
    [Theory]
    [InlineData("back-squat", MuscleGroup.Quadriceps, Equipment.Barbell)]
    [InlineData("bench-press", MuscleGroup.Chest, Equipment.Barbell)]
    [InlineData("deadlift", MuscleGroup.Back, Equipment.Barbell)]
    [InlineData("overhead-press", MuscleGroup.Shoulders, Equipment.Barbell)]
    [InlineData("barbell-row", MuscleGroup.Back, Equipment.Barbell)]
    [InlineData("pull-up", MuscleGroup.Back, Equipment.Bodyweight)]
    public void CommonExercises_AreInTheLibrary(string id, MuscleGroup muscleGroup, Equipment equipment)
    {
        Assert.True(ExerciseLibrary.TryGet(id, out var entry));
        Assert.Equal(id, entry.Id);
        Assert.Equal(muscleGroup, entry.MuscleGroup);
        Assert.Equal(equipment, entry.Equipment);
        Assert.False(string.IsNullOrWhiteSpace(entry.Name));
    }

    [Fact]
    public void All_HasAboutFortyUniqueLowercaseKebabIds()
    {
        Assert.InRange(ExerciseLibrary.All.Count, 40, 60);
        Assert.Equal(ExerciseLibrary.All.Count, ExerciseLibrary.All.Select(entry => entry.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ExerciseLibrary.All, entry => Assert.Matches("^[a-z]+(-[a-z]+)*$", entry.Id));
        Assert.All(ExerciseLibrary.All, entry => Assert.True(ExerciseLibrary.TryGet(entry.Id, out _)));
    }

    [Theory]
    [InlineData("my-custom-exercise")]
    [InlineData("Bench-Press")]
    [InlineData("")]
    public void UnknownIds_AreNotFound(string id)
    {
        Assert.False(ExerciseLibrary.TryGet(id, out var entry));
        Assert.Null(entry);
    }
}
