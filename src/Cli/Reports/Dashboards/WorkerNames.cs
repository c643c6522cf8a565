namespace GymCoach.Cli.Reports.Dashboards;

/// <param name="Label">Lower case, for labels (<c>writes</c>).</param>
/// <param name="Title">Capitalised, for logical ids (<c>Writes</c>).</param>
internal sealed record WorkerNames(string Label, string Title, string Function, string Queue, string DeadLetterQueue);
