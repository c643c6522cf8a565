namespace GymCoach.Lambda.Runtime;

/// <summary>The function cannot start: reported to the runtime API's init error endpoint, after which the process exits.</summary>
public sealed class RuntimeInitException : Exception
{
    public RuntimeInitException()
        : this(RuntimeErrorTypes.UnknownReason, "Initialization failed.")
    {
    }

    public RuntimeInitException(string message)
        : this(RuntimeErrorTypes.UnknownReason, message)
    {
    }

    public RuntimeInitException(string message, Exception innerException)
        : base(message, innerException)
    {
        FunctionErrorType = RuntimeErrorTypes.UnknownReason;
    }

    /// <param name="functionErrorType">One of <see cref="RuntimeErrorTypes"/>, such as <see cref="RuntimeErrorTypes.ConfigInvalid"/>.</param>
    public RuntimeInitException(string functionErrorType, string message)
        : base(message)
    {
        FunctionErrorType = functionErrorType;
    }

    /// <summary>The <c>Lambda-Runtime-Function-Error-Type</c> reported with the init error.</summary>
    public string FunctionErrorType { get; }
}
