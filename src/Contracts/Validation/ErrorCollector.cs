using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GymCoach.Contracts.Validation;

/// <summary>Gathers every broken rule of one object so a producer can fix them all in one go.</summary>
internal sealed class ErrorCollector
{
    private List<ValidationError>? _errors;

    public void Add(string field, string message) => (_errors ??= []).Add(new ValidationError(field, message));

    /// <summary>Adds an error when <paramref name="value"/> is null; JSON can carry null where the record says it cannot.</summary>
    /// <returns>Whether the value is present, so callers only look inside what exists.</returns>
    public bool Present(string field, [NotNullWhen(true)] object? value)
    {
        if (value is null)
        {
            Add(field, "must not be null");
            return false;
        }

        return true;
    }

    public void Id(string field, string? value) => Text(field, value, ValidationLimits.MaxIdLength);

    /// <summary>Requires a string that is not null, empty or only whitespace, and at most <paramref name="maxLength"/> characters long.</summary>
    public void Text(string field, string? value, int maxLength)
    {
        if (!Present(field, value))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "must not be empty or whitespace");
            return;
        }

        var length = TextLength(value);
        if (length > maxLength)
        {
            Add(field, Format($"must be at most {maxLength} characters long, was {length}"));
        }
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, Format($"must be between {min} and {max}, was {value}"));
        }
    }

    public void Range(string field, decimal value, decimal min, decimal max)
    {
        if (value < min || value > max)
        {
            Add(field, Format($"must be between {min} and {max}, was {value}"));
        }
    }

    public void Count(string field, int count, int min, int max)
    {
        if (count < min || count > max)
        {
            Add(field, Format($"must contain between {min} and {max} items, had {count}"));
        }
    }

    public IReadOnlyList<ValidationError> ToList() => _errors is null ? [] : _errors.AsReadOnly();

    public static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    /// <summary>Counts Unicode code points, so a name in emoji or CJK is not cut at half its UTF-16 length.</summary>
    private static int TextLength(string value)
    {
        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
        }

        return length;
    }
}
