using System.Globalization;

namespace GymCoach.Workers.Analytics;

/// <summary>An ISO-8601 week: the week-numbering year (which differs from the calendar year around New Year) and the week number.</summary>
internal readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    /// <summary>The week an instant falls in, taken in UTC.</summary>
    public static IsoWeek Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new IsoWeek(ISOWeek.GetYear(utc), ISOWeek.GetWeekOfYear(utc));
    }

    /// <summary>Reads the ISO label written by <see cref="ToString"/>, for example <c>2026-W47</c>.</summary>
    /// <exception cref="FormatException">The text is not such a label, or names a week its year does not have.</exception>
    public static IsoWeek Parse(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length != 8 || label[4] != '-' || label[5] != 'W'
            || !int.TryParse(label.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(label.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            || year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new FormatException($"'{label}' is not an ISO week such as 2026-W47.");
        }

        return new IsoWeek(year, week);
    }

    /// <summary>The week before this one; week 1 follows week 52 or 53 of the previous week-numbering year.</summary>
    public IsoWeek Previous() =>
        Week > 1 ? new IsoWeek(Year, Week - 1) : new IsoWeek(Year - 1, ISOWeek.GetWeeksInYear(Year - 1));

    public int CompareTo(IsoWeek other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    /// <summary>The ISO label, for example <c>2026-W47</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
