namespace GymCoach.Lambda.Runtime;

/// <summary>How one invocation is answered: a response document to post, or an error that makes Lambda count it as failed.</summary>
public readonly record struct InvocationAnswer
{
    private InvocationAnswer(ReadOnlyMemory<byte> response, RuntimeError? error)
    {
        Response = response;
        Error = error;
    }

    /// <summary>The response as UTF-8 JSON, posted as the invocation's result.</summary>
    public ReadOnlyMemory<byte> Response { get; }

    /// <summary>Set when the invocation failed: posted to the error endpoint instead of a response.</summary>
    public RuntimeError? Error { get; }

    public static InvocationAnswer Of(ReadOnlyMemory<byte> response) => new(response, null);

    public static InvocationAnswer Failed(RuntimeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new InvocationAnswer(default, error);
    }
}
