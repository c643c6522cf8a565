namespace GymCoach.Workers.Analytics;

/// <summary>What an exercise is done with.</summary>
public enum Equipment
{
    Barbell,
    Dumbbell,
    Kettlebell,
    Machine,
    Cable,
    Bodyweight,
}
