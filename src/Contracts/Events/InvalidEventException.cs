using GymCoach.Contracts.Validation;

namespace GymCoach.Contracts.Events;

/// <summary>An event that can never be processed: malformed JSON, an unknown type or version, or invalid data.</summary>
/// <remarks>Workers treat it as poison: the message goes to the dead-letter queue with <see cref="Exception.Message"/> as its reason.</remarks>
public sealed class InvalidEventException : Exception
{
    public InvalidEventException()
        : this("The event is invalid.")
    {
    }

    public InvalidEventException(string message)
        : this(message, [])
    {
    }

    public InvalidEventException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public InvalidEventException(string message, IReadOnlyList<ValidationError> errors)
        : base(message)
    {
        Errors = errors;
    }

    /// <summary>Every invalid field, when the event parsed but its data broke the rules.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
