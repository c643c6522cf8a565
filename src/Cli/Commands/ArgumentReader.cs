using System.Globalization;

namespace GymCoach.Cli.Commands;

/// <summary>Reads <c>--name value</c> options and positional arguments, and refuses anything it was not asked about.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public ArgumentReader(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "-")
            {
                _positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                _options[name[..equals]] = name[(equals + 1)..];
            }
            else if (flagNames.Contains(name))
            {
                _flags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                _options[name] = args[++i];
            }
            else
            {
                throw new UsageException($"option --{name} needs a value");
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Flag(string name)
    {
        _consumed.Add(name);
        return _flags.Contains(name);
    }

    public string? String(string name)
    {
        _consumed.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    public string Choice(string name, string defaultValue, params string[] choices)
    {
        var value = String(name) ?? defaultValue;
        return choices.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"--{name} must be one of {string.Join(", ", choices)}, was '{value}'");
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, was '{text}'");
    }

    public double Double(string name, double defaultValue, double min, double max)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, was '{text}'");
    }

    /// <summary>A duration in whole seconds (<c>30s</c>, <c>2m</c>, <c>1h</c> or bare seconds), or null when the option is not given.</summary>
    public TimeSpan? Duration(string name, TimeSpan min, TimeSpan max)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return DurationText.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be whole seconds from {DurationText.Format(min)} to {DurationText.Format(max)} (e.g. 30s, 2m), was '{text}'");
    }

    /// <summary>Fails on any option or flag no reader asked for, and on extra positional arguments.</summary>
    public void EnsureAllUsed(int positionalCount = 0)
    {
        foreach (var name in _options.Keys.Concat(_flags))
        {
            if (!_consumed.Contains(name))
            {
                throw new UsageException($"unknown option --{name}");
            }
        }

        if (_positionals.Count > positionalCount)
        {
            throw new UsageException($"unexpected argument '{_positionals[positionalCount]}'");
        }
    }
}
