using GymCoach.Contracts.Validation;

namespace GymCoach.Contracts.Tests.Support;

internal static class ValidationAssert
{
    /// <summary>Asserts exactly one error, on <paramref name="field"/>, whose message contains <paramref name="message"/>.</summary>
    public static void SingleError(IReadOnlyList<ValidationError> errors, string field, string message)
    {
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public static void Fields(IReadOnlyList<ValidationError> errors, params string[] fields) =>
        Assert.Equal(fields, errors.Select(error => error.Field));
}
