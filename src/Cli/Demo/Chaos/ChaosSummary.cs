using System.Globalization;

namespace GymCoach.Cli.Demo.Chaos;

/// <summary>Prints the summary of a chaos demo: each kill, then the check that nothing was lost or counted twice.</summary>
internal static class ChaosSummary
{
    public static void Write(ChaosResult result, TextWriter output)
    {
        var check = result.Check;
        output.WriteLine();
        output.WriteLine("GymCoach chaos demo summary");
        Row("backend", "embedded, workers in a child 'gymcoach run' killed with SIGKILL and started again on the same state");
        Row("workload", $"{result.Options.Users:N0} users, {result.Options.Workouts:N0} workouts, seed {result.Options.Seed}");
        Row("messages produced", $"{result.Workload.MessageCount:N0} through the HTTP API ({result.Workload.Duplicates:N0} duplicates, {result.Workload.ExpectedDeadLetters:N0} conflicting)");
        Row("elapsed", $"{result.Elapsed.TotalSeconds:N1} s");
        Row("kills", $"{result.Kills.Count:N0}, each after a random life of {result.Kills.Select(k => k.Uptime.TotalSeconds).DefaultIfEmpty().Min():0.0}–{result.Kills.Select(k => k.Uptime.TotalSeconds).DefaultIfEmpty().Max():0.0} s");
        foreach (var kill in result.Kills)
        {
            Row($"  kill {kill.Number}", $"at {kill.At.TotalSeconds:0.0} s: {kill.Moment}");
        }

        Row("producer retries", $"{result.ProducerRetries:N0} posts sent again (same content) after no answer");
        Row("dead-letter queues", $"{check.DeadLetters:N0} (at least the {check.ExpectedDeadLetters:N0} conflicting re-posts; a re-post accepted twice is dead-lettered twice)");
        Row("lost", $"{result.Lost:N0} accepted workouts missing from the analytics");
        Row("double-counted", $"{result.DoubleCounted:N0} workouts counted more than once");
        Row("check", result.Passed
            ? $"PASSED: analytics of all {check.UsersChecked:N0} users equal a direct computation; {check.ProfilesChecked:N0} profiles are the newest"
            : $"FAILED: {check.MismatchCount:N0} mismatches, {result.Lost:N0} lost, {result.DoubleCounted:N0} double-counted");
        foreach (var example in check.Examples)
        {
            output.WriteLine($"  mismatch: {example}");
        }

        void Row(string name, string value) => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20}  {value}"));
    }
}
