namespace GymCoach.Lambda.Hosting;

/// <summary>Where the worker's table and queues live, named by <c>GYMCOACH_BACKEND</c>.</summary>
internal enum BackendKind
{
    /// <summary><c>aws</c> (default): Amazon DynamoDB and SQS.</summary>
    Aws,

    /// <summary><c>embedded</c>: an in-process store and queues living as long as the process; for tests and diagnostics.</summary>
    Embedded,
}
