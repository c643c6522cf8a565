namespace GymCoach.Cli.Produce;

/// <summary>What a line of the input is posted as.</summary>
internal enum LineKind
{
    Workout,
    Profile,
    Recompute,
}
