using GymCoach.Cli.Backends.Durable;
using GymCoach.Workers.Queueing;

namespace GymCoach.Cli.Demo.Chaos;

/// <summary>Messages still in the workers' queues (visible, in flight or delayed), read from the state database beside its writer.</summary>
internal static class QueuedMessageCount
{
    public static long Read(string stateDirectory)
    {
        using var database = StateDatabase.OpenReadOnly(stateDirectory);
        if (database is null)
        {
            return 0;
        }

        return database.Snapshot(db => db.Query(
            "SELECT COUNT(*) FROM messages WHERE queue IN ($writes, $analytics)",
            row => row.GetInt64(0),
            ("$writes", QueueDefinitions.Writes.Name),
            ("$analytics", QueueDefinitions.Analytics.Name))[0]);
    }
}
