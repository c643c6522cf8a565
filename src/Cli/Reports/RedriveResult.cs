namespace GymCoach.Cli.Reports;

/// <summary>What one redrive did.</summary>
/// <param name="Received">Messages taken from the dead-letter queue.</param>
/// <param name="Moved">Sent to the source queue and deleted from the dead-letter queue.</param>
/// <param name="SendFailed">Not accepted by the source queue: left in the dead-letter queue, visible again.</param>
/// <param name="DeleteFailed">Sent to the source queue but still in the dead-letter queue (it will be seen again; handlers are idempotent).</param>
/// <param name="Errors">The distinct send errors.</param>
internal sealed record RedriveResult(string DeadLetterQueue, string SourceQueue, int Received, int Moved, int SendFailed, int DeleteFailed, IReadOnlyList<string> Errors)
{
    public bool Complete => SendFailed == 0 && DeleteFailed == 0;
}
