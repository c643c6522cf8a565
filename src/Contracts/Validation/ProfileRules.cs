using GymCoach.Contracts.Events;
using static GymCoach.Contracts.Validation.ValidationLimits;

namespace GymCoach.Contracts.Validation;

/// <summary>The rules of <c>gymcoach.profile.updated.v1</c> data.</summary>
internal static class ProfileRules
{
    public static void Check(ErrorCollector errors, ProfileUpdated profile)
    {
        errors.Id("userId", profile.UserId);
        errors.Text("displayName", profile.DisplayName, MaxDisplayNameLength);

        if (profile.Bodyweight <= 0m || profile.Bodyweight > MaxBodyweight)
        {
            errors.Add("bodyweight", ErrorCollector.Format(
                $"must be greater than 0 and at most {MaxBodyweight}, was {profile.Bodyweight}"));
        }

        UnitRules.Check(errors, "unit", profile.Unit);

        if (!errors.Present("goals", profile.Goals))
        {
            return;
        }

        if (profile.Goals.Count > MaxGoals)
        {
            errors.Add("goals", ErrorCollector.Format($"must contain at most {MaxGoals} items, had {profile.Goals.Count}"));
        }

        for (var i = 0; i < profile.Goals.Count; i++)
        {
            errors.Text($"goals[{i}]", profile.Goals[i], MaxGoalLength);
        }
    }
}
