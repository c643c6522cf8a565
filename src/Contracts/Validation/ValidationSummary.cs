using System.Text;

namespace GymCoach.Contracts.Validation;

/// <summary>Turns validation errors into the one-line reason that goes with a message to the dead-letter queue.</summary>
internal static class ValidationSummary
{
    // A workout with 5,000 bad sets must not produce a reason longer than the message itself.
    private const int MaxListed = 10;

    public static string Format(string subject, IReadOnlyList<ValidationError> errors)
    {
        var summary = new StringBuilder(subject)
            .Append(" has ").Append(errors.Count).Append(errors.Count == 1 ? " invalid field: " : " invalid fields: ");

        for (var i = 0; i < Math.Min(errors.Count, MaxListed); i++)
        {
            if (i > 0)
            {
                summary.Append("; ");
            }

            summary.Append(errors[i].Field).Append(' ').Append(errors[i].Message);
        }

        if (errors.Count > MaxListed)
        {
            summary.Append("; and ").Append(errors.Count - MaxListed).Append(" more");
        }

        return summary.ToString();
    }
}
