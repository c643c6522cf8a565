namespace GymCoach.Lambda.Runtime;

/// <summary>The environment variables of a Lambda custom runtime that the runtime API client reads or sets.</summary>
public static class RuntimeEnvironmentVariables
{
    /// <summary>The runtime API's <c>host:port</c>, set by Lambda.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The function's configured handler, which names the worker to host.</summary>
    public const string Handler = "_HANDLER";

    /// <summary>The X-Ray trace header of the current invocation, set by the runtime for the AWS SDK and X-Ray.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";
}
