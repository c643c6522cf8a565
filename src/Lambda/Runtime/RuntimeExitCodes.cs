namespace GymCoach.Lambda.Runtime;

/// <summary>How a GymCoach bootstrap process ends; any non-zero code makes Lambda replace the execution environment.</summary>
public static class RuntimeExitCodes
{
    /// <summary>The loop stopped because Lambda asked (SIGTERM).</summary>
    public const int Stopped = 0;

    /// <summary>Initialization failed (reported to the init error endpoint) or the runtime API broke down.</summary>
    public const int Failed = 1;

    /// <summary>The program was not started by Lambda (no usable <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public const int NotInLambda = 2;
}
