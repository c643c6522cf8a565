using System.Globalization;
using Serilog.Events;

namespace GymCoach.Lambda.Runtime;

/// <summary>Reads a Lambda bootstrap's typed settings from environment variables, collecting one error per bad variable instead of stopping at the first.</summary>
public sealed class SettingsReader(Func<string, string?> variables)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The trimmed value, or null when it is missing or blank.</summary>
    public string? Optional(string name) => Value(name);

    public void Fail(string error) => _errors.Add(error);

    /// <summary>The value, or null (with an error) when it is missing or blank.</summary>
    public string? Required(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            _errors.Add($"{name} is required.");
        }

        return value;
    }

    /// <summary>One of <paramref name="choices"/>, matched exactly; <paramref name="defaultValue"/> when unset, which null makes required.</summary>
    public T? Choice<T>(string name, T? defaultValue, (string Name, T Value)[] choices)
        where T : struct
    {
        var value = Value(name);
        if (value is null)
        {
            if (defaultValue is null)
            {
                _errors.Add($"{name} is required: one of {Names(choices)}.");
            }

            return defaultValue;
        }

        foreach (var choice in choices)
        {
            if (string.Equals(choice.Name, value, StringComparison.Ordinal))
            {
                return choice.Value;
            }
        }

        _errors.Add($"{name} '{value}' is not one of {Names(choices)}.");
        return null;
    }

    public int WholeNumber(string name, int defaultValue, int min, int max)
    {
        var value = Value(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        _errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name} '{value}' is not a whole number from {min} to {max}."));
        return defaultValue;
    }

    /// <summary>An absolute http or https URL.</summary>
    public Uri? Url(string name, bool required)
    {
        var value = required ? Required(name) : Value(name);
        if (value is null)
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        _errors.Add($"{name} '{value}' is not an absolute http(s) URL.");
        return null;
    }

    public LogEventLevel LogLevel(string name, LogEventLevel defaultValue)
    {
        var value = Value(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsAsciiDigit(value[0]))
        {
            return level;
        }

        _errors.Add($"{name} '{value}' is not one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}.");
        return defaultValue;
    }

    private static string Names<T>((string Name, T Value)[] choices) => string.Join(", ", choices.Select(choice => choice.Name));

    private string? Value(string name)
    {
        var value = variables(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
