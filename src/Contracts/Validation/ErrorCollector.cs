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

    /// <summary>Requires an id: not blank, at most <see cref="IdAlphabet.MaxLength"/> code points, every one of <see cref="IdAlphabet"/>.</summary>
    /// <remarks>The message names the character by its code point, never the character itself, so it is safe in a terminal, a log line or an SQS attribute.</remarks>
    public void Id(string field, string? value)
    {
        if (!Text(field, value, IdAlphabet.MaxLength))
        {
            return;
        }

        if (IdAlphabet.TryFindForbidden(value!, out var position, out var codePoint, out var kind))
        {
            Add(field, Format($"must not contain {IdAlphabet.Name(codePoint)} ({kind}) at position {position}; {IdAlphabet.Description}"));
        }
    }

    /// <summary>Requires a string that is not null, empty or only whitespace, and at most <paramref name="maxLength"/> code points long.</summary>
    /// <returns>Whether the value passed, so callers add their own rules only to what is otherwise valid.</returns>
    public bool Text(string field, string? value, int maxLength)
    {
        if (!Present(field, value))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "must not be empty or whitespace");
            return false;
        }

        // Code points, so a name in emoji or CJK is not cut at half its UTF-16 length.
        var length = IdAlphabet.Length(value);
        if (length > maxLength)
        {
            Add(field, Format($"must be at most {maxLength} characters long, was {length}"));
            return false;
        }

        return true;
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
}
