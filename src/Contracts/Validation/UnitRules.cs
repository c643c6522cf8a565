using GymCoach.Contracts.Events;

namespace GymCoach.Contracts.Validation;

/// <summary>The weight unit rule shared by workouts and profiles.</summary>
internal static class UnitRules
{
    /// <remarks>The string enum converter also accepts bare integers, so <c>"unit": 7</c> parses to an undefined value.</remarks>
    public static void Check(ErrorCollector errors, string field, WeightUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            errors.Add(field, ErrorCollector.Format($"must be \"kg\" or \"lb\", was {(int)unit}"));
        }
    }
}
