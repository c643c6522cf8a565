namespace GymCoach.Lambda.Runtime;

/// <summary>Values of the <c>Lambda-Runtime-Function-Error-Type</c> header, in the <c>Category.Reason</c> form Lambda recommends.</summary>
public static class RuntimeErrorTypes
{
    /// <summary>The function threw: Lambda retries the whole batch.</summary>
    public const string Unhandled = "Function.Unhandled";

    /// <summary>The invocation's payload is not an SQS event.</summary>
    public const string UnmarshalError = "Runtime.UnmarshalError";

    /// <summary>The configured handler names no function this bootstrap hosts.</summary>
    public const string NoSuchHandler = "Runtime.NoSuchHandler";

    /// <summary>The function's configuration (environment variables) is missing or invalid.</summary>
    public const string ConfigInvalid = "Runtime.ConfigInvalid";

    /// <summary>Initialization failed for another reason.</summary>
    public const string UnknownReason = "Runtime.UnknownReason";
}
