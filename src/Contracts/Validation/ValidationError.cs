namespace GymCoach.Contracts.Validation;

/// <summary>One invalid field: its JSON path (for example <c>exercises[0].sets[2].reps</c>) and what is wrong with it.</summary>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
