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

    /// <summary>The week before this one; week 1 follows week 52 or 53 of the previous week-numbering year.</summary>
    public IsoWeek Previous() =>
        Week > 1 ? new IsoWeek(Year, Week - 1) : new IsoWeek(Year - 1, ISOWeek.GetWeeksInYear(Year - 1));

    public int CompareTo(IsoWeek other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    /// <summary>The ISO label, for example <c>2026-W47</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
