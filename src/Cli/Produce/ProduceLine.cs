namespace GymCoach.Cli.Produce;

/// <summary>One line of the input, ready to post: its number (1-based), kind, and the JSON of its data.</summary>
internal sealed record ProduceLine(int Number, LineKind Kind, string Json);
