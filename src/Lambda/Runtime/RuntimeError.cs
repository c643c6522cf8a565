using System.Text.Json.Serialization;

namespace GymCoach.Lambda.Runtime;

/// <summary>The error document posted to the runtime API's error endpoints, with the header that classifies it.</summary>
public sealed record RuntimeError
{
    /// <summary>Frames kept from a stack trace: enough to find the fault, far below the runtime API's payload limit.</summary>
    public const int MaxStackFrames = 100;

    /// <summary>Sent as the <c>Lambda-Runtime-Function-Error-Type</c> header, one of <see cref="RuntimeErrorTypes"/>; default <see cref="RuntimeErrorTypes.UnknownReason"/>.</summary>
    /// <remarks>Not <c>required</c>: the JSON serializer refuses a required member it ignores.</remarks>
    [JsonIgnore]
    public string FunctionErrorType { get; init; } = RuntimeErrorTypes.UnknownReason;

    [JsonPropertyName("errorType")]
    public required string ErrorType { get; init; }

    [JsonPropertyName("errorMessage")]
    public required string ErrorMessage { get; init; }

    [JsonPropertyName("stackTrace")]
    public IReadOnlyList<string> StackTrace { get; init; } = [];

    /// <summary>The document for an exception: its type name, message and stack frames, then those of its inner exceptions.</summary>
    public static RuntimeError FromException(string functionErrorType, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = new List<string>();
        for (var current = exception; current is not null && frames.Count < MaxStackFrames; current = current.InnerException)
        {
            if (!ReferenceEquals(current, exception))
            {
                frames.Add("--- inner " + current.GetType().Name + ": " + current.Message);
            }

            AddFrames(current.StackTrace, frames);
        }

        return new RuntimeError
        {
            FunctionErrorType = functionErrorType,
            ErrorType = exception.GetType().Name,
            ErrorMessage = exception.Message,
            StackTrace = frames,
        };
    }

    private static void AddFrames(string? stackTrace, List<string> frames)
    {
        if (stackTrace is null)
        {
            return;
        }

        foreach (var line in stackTrace.AsSpan().EnumerateLines())
        {
            var frame = line.Trim();
            if (frame.IsEmpty)
            {
                continue;
            }

            if (frames.Count == MaxStackFrames)
            {
                return;
            }

            frames.Add(frame.ToString());
        }
    }
}
