using System.Text.Json;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Plans;

namespace GymCoach.Workers.ReadSide;

/// <summary>The static documents served as they are: the exercise library and the plan templates, serialized once per process.</summary>
public static class LibraryDocuments
{
    private static readonly Lazy<CachedJson> ExercisesJson = new(() => new CachedJson(
        JsonSerializer.SerializeToUtf8Bytes(Exercises(), ReadSideJsonContext.Default.ExerciseLibraryDocument)));

    private static readonly Lazy<CachedJson> PlansJson = new(() => new CachedJson(
        JsonSerializer.SerializeToUtf8Bytes(new PlanLibraryDocument { Plans = Plans.PlanLibrary.All }, PlanJsonContext.Default.PlanLibraryDocument)));

    /// <summary>The exercise library document's bytes and ETag.</summary>
    public static CachedJson ExerciseLibraryJson => ExercisesJson.Value;

    /// <summary>The plan library document's bytes and ETag.</summary>
    /// <exception cref="InvalidDataException">A plan file is not valid.</exception>
    public static CachedJson PlanLibraryJson => PlansJson.Value;

    /// <summary>The exercise library as served.</summary>
    public static ExerciseLibraryDocument Exercises() => new()
    {
        Exercises = [.. Analytics.ExerciseLibrary.All.Select(static e => new ExerciseDocument
        {
            Id = e.Id,
            Name = e.Name,
            MuscleGroup = JsonNamingPolicy.KebabCaseLower.ConvertName(e.MuscleGroup.ToString()),
            Equipment = JsonNamingPolicy.KebabCaseLower.ConvertName(e.Equipment.ToString()),
        })],
    };
}
