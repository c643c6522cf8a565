using GymCoach.Contracts.Storage;
using GymCoach.Workers.Publishing;

namespace GymCoach.Cli.Backends.Durable;

/// <summary>Brings the JSON files of gymcoach versions before the state database into it, once, so upgrading loses nothing.</summary>
/// <remarks>The files are renamed to <c>*.imported</c> afterwards (kept, not deleted, in case the import needs a second look).</remarks>
internal static class LegacyStateImport
{
    private const string StoreFile = "embedded-store.json";
    private const string QueuesFile = "embedded-queues.json";
    private const int WriteBatch = 100;

    public static async Task ImportAsync(string stateDirectory, EmbeddedBackend backend, CancellationToken cancellationToken)
    {
        var storePath = Path.Combine(stateDirectory, StoreFile);
        if (await LegacyStateFile.LoadAsync(storePath, LegacyStateJsonContext.Default.IReadOnlyListStoredItem, cancellationToken) is { } items)
        {
            foreach (var batch in items.Chunk(WriteBatch))
            {
                await backend.Store.WriteAsync([.. batch.Select(item => new ItemWrite(item))], cancellationToken);
            }

            File.Move(storePath, storePath + ".imported", overwrite: true);
        }

        var queuesPath = Path.Combine(stateDirectory, QueuesFile);
        if (await LegacyStateFile.LoadAsync(queuesPath, LegacyStateJsonContext.Default.DictionaryStringIReadOnlyListOutgoingMessage, cancellationToken) is { } queues)
        {
            foreach (var queue in new[] { backend.WritesQueue, backend.WritesDeadLetterQueue, backend.AnalyticsQueue, backend.AnalyticsDeadLetterQueue })
            {
                if (queues.TryGetValue(queue.Name, out var messages) && messages.Count > 0)
                {
                    await RetryingBatchSend.SendAsync(queue, messages, cancellationToken: cancellationToken);
                }
            }

            File.Move(queuesPath, queuesPath + ".imported", overwrite: true);
        }
    }
}
