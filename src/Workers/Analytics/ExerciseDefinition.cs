namespace GymCoach.Workers.Analytics;

/// <summary>One exercise of the <see cref="ExerciseLibrary"/>: its id as used in workouts, display name and classification.</summary>
public sealed record ExerciseDefinition(string Id, string Name, MuscleGroup MuscleGroup, Equipment Equipment);
