namespace GymCoach.Hosting.Workers;

/// <summary>Which of the two worker functions to compose.</summary>
public enum WorkerKind
{
    /// <summary>Stores workouts and profiles, requests analytics recomputes.</summary>
    Writes,

    /// <summary>Recomputes users' analytics.</summary>
    Analytics,
}
