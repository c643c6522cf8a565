namespace GymCoach.Workers.Analytics;

/// <summary>The muscle group an exercise mainly trains.</summary>
public enum MuscleGroup
{
    Chest,
    Back,
    Shoulders,
    Biceps,
    Triceps,
    Quadriceps,
    Hamstrings,
    Glutes,
    Calves,
    Core,
    FullBody,
}
