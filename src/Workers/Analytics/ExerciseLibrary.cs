using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace GymCoach.Workers.Analytics;

/// <summary>The built-in exercises, by id.</summary>
/// <remarks>
/// Workouts may use ids that are not here (custom exercises are legal); analytics never require an id to be in the
/// library, which only adds names and classification for display.
/// </remarks>
public static class ExerciseLibrary
{
    private static readonly ExerciseDefinition[] Entries =
    [
        new("back-squat", "Back Squat", MuscleGroup.Quadriceps, Equipment.Barbell),
        new("front-squat", "Front Squat", MuscleGroup.Quadriceps, Equipment.Barbell),
        new("goblet-squat", "Goblet Squat", MuscleGroup.Quadriceps, Equipment.Kettlebell),
        new("leg-press", "Leg Press", MuscleGroup.Quadriceps, Equipment.Machine),
        new("leg-extension", "Leg Extension", MuscleGroup.Quadriceps, Equipment.Machine),
        new("bulgarian-split-squat", "Bulgarian Split Squat", MuscleGroup.Quadriceps, Equipment.Dumbbell),
        new("walking-lunge", "Walking Lunge", MuscleGroup.Quadriceps, Equipment.Dumbbell),
        new("deadlift", "Deadlift", MuscleGroup.Back, Equipment.Barbell),
        new("sumo-deadlift", "Sumo Deadlift", MuscleGroup.Glutes, Equipment.Barbell),
        new("romanian-deadlift", "Romanian Deadlift", MuscleGroup.Hamstrings, Equipment.Barbell),
        new("good-morning", "Good Morning", MuscleGroup.Hamstrings, Equipment.Barbell),
        new("leg-curl", "Leg Curl", MuscleGroup.Hamstrings, Equipment.Machine),
        new("hip-thrust", "Hip Thrust", MuscleGroup.Glutes, Equipment.Barbell),
        new("calf-raise", "Calf Raise", MuscleGroup.Calves, Equipment.Machine),
        new("bench-press", "Bench Press", MuscleGroup.Chest, Equipment.Barbell),
        new("incline-bench-press", "Incline Bench Press", MuscleGroup.Chest, Equipment.Barbell),
        new("dumbbell-bench-press", "Dumbbell Bench Press", MuscleGroup.Chest, Equipment.Dumbbell),
        new("incline-dumbbell-press", "Incline Dumbbell Press", MuscleGroup.Chest, Equipment.Dumbbell),
        new("dumbbell-fly", "Dumbbell Fly", MuscleGroup.Chest, Equipment.Dumbbell),
        new("cable-crossover", "Cable Crossover", MuscleGroup.Chest, Equipment.Cable),
        new("push-up", "Push-up", MuscleGroup.Chest, Equipment.Bodyweight),
        new("overhead-press", "Overhead Press", MuscleGroup.Shoulders, Equipment.Barbell),
        new("dumbbell-shoulder-press", "Dumbbell Shoulder Press", MuscleGroup.Shoulders, Equipment.Dumbbell),
        new("lateral-raise", "Lateral Raise", MuscleGroup.Shoulders, Equipment.Dumbbell),
        new("rear-delt-fly", "Rear Delt Fly", MuscleGroup.Shoulders, Equipment.Dumbbell),
        new("face-pull", "Face Pull", MuscleGroup.Shoulders, Equipment.Cable),
        new("barbell-row", "Barbell Row", MuscleGroup.Back, Equipment.Barbell),
        new("pendlay-row", "Pendlay Row", MuscleGroup.Back, Equipment.Barbell),
        new("t-bar-row", "T-Bar Row", MuscleGroup.Back, Equipment.Barbell),
        new("dumbbell-row", "Dumbbell Row", MuscleGroup.Back, Equipment.Dumbbell),
        new("seated-cable-row", "Seated Cable Row", MuscleGroup.Back, Equipment.Cable),
        new("lat-pulldown", "Lat Pulldown", MuscleGroup.Back, Equipment.Cable),
        new("pull-up", "Pull-up", MuscleGroup.Back, Equipment.Bodyweight),
        new("chin-up", "Chin-up", MuscleGroup.Back, Equipment.Bodyweight),
        new("barbell-curl", "Barbell Curl", MuscleGroup.Biceps, Equipment.Barbell),
        new("dumbbell-curl", "Dumbbell Curl", MuscleGroup.Biceps, Equipment.Dumbbell),
        new("hammer-curl", "Hammer Curl", MuscleGroup.Biceps, Equipment.Dumbbell),
        new("close-grip-bench-press", "Close-Grip Bench Press", MuscleGroup.Triceps, Equipment.Barbell),
        new("skull-crusher", "Skull Crusher", MuscleGroup.Triceps, Equipment.Barbell),
        new("overhead-triceps-extension", "Overhead Triceps Extension", MuscleGroup.Triceps, Equipment.Dumbbell),
        new("triceps-pushdown", "Triceps Pushdown", MuscleGroup.Triceps, Equipment.Cable),
        new("dip", "Dip", MuscleGroup.Triceps, Equipment.Bodyweight),
        new("plank", "Plank", MuscleGroup.Core, Equipment.Bodyweight),
        new("hanging-leg-raise", "Hanging Leg Raise", MuscleGroup.Core, Equipment.Bodyweight),
        new("cable-crunch", "Cable Crunch", MuscleGroup.Core, Equipment.Cable),
        new("kettlebell-swing", "Kettlebell Swing", MuscleGroup.FullBody, Equipment.Kettlebell),
        new("power-clean", "Power Clean", MuscleGroup.FullBody, Equipment.Barbell),
        new("farmers-walk", "Farmer's Walk", MuscleGroup.FullBody, Equipment.Dumbbell),
    ];

    private static readonly FrozenDictionary<string, ExerciseDefinition> ById =
        Entries.ToFrozenDictionary(static entry => entry.Id, StringComparer.Ordinal);

    /// <summary>Every built-in exercise, in a fixed order (by body region).</summary>
    public static IReadOnlyList<ExerciseDefinition> All { get; } = Array.AsReadOnly(Entries);

    /// <summary>Finds a built-in exercise by its id (ordinal, case-sensitive).</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out ExerciseDefinition? entry)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.TryGetValue(id, out entry);
    }
}
