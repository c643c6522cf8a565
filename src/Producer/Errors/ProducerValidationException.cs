using System.Text;
using GymCoach.Contracts.Validation;

namespace GymCoach.Producer;

/// <summary>The data breaks GymCoach's rules: every invalid field with what is wrong with it.</summary>
/// <remarks>
/// Thrown before sending, by the same rules the workers apply (nothing was sent), or when the API answered 400 with a
/// problem document (then <see cref="Problem"/> holds it; header and JSON errors are named like fields, for example
/// <c>Idempotency-Key</c> or <c>$.workouts[0].unit</c>).
/// </remarks>
public sealed class ProducerValidationException : GymCoachProducerException
{
    public ProducerValidationException()
        : this([])
    {
    }

    public ProducerValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ProducerValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public ProducerValidationException(IReadOnlyList<ValidationError> errors, ProducerProblem? problem = null)
        : base(Describe(errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
        Problem = problem;
    }

    /// <summary>Every invalid field by its JSON path (for example <c>exercises[0].sets[1].reps</c>), in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The API's 400 problem document, or null when the client found the errors before sending.</summary>
    public ProducerProblem? Problem { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count == 0)
        {
            return "The event is invalid.";
        }

        var message = new StringBuilder().Append(errors.Count).Append(errors.Count == 1 ? " invalid field: " : " invalid fields: ");
        for (var i = 0; i < errors.Count; i++)
        {
            message.Append(i == 0 ? string.Empty : "; ").Append(errors[i].Field).Append(' ').Append(errors[i].Message);
        }

        return message.ToString();
    }
}
