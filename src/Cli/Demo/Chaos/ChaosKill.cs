namespace GymCoach.Cli.Demo.Chaos;

/// <summary>One SIGKILL of the workers' process: when, after how long a life, and what the pipeline was doing.</summary>
/// <param name="Moment">What was going on: posting a wave (and how much was accepted), or draining it (and how much was queued).</param>
internal sealed record ChaosKill(int Number, TimeSpan At, TimeSpan Uptime, string Moment);
