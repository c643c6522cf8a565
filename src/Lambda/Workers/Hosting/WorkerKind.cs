namespace GymCoach.Lambda.Hosting;

/// <summary>The worker function a bootstrap process hosts, named by <c>_HANDLER</c>.</summary>
internal enum WorkerKind
{
    /// <summary><c>_HANDLER=writes</c>: stores workouts and profiles, requests analytics recomputes.</summary>
    Writes,

    /// <summary><c>_HANDLER=analytics</c>: recomputes users' analytics.</summary>
    Analytics,
}
