using Amazon.SQS;
using GymCoach.Aws.Sqs;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Queueing;

namespace GymCoach.Integration.Tests.Sqs.Support;

/// <summary>Creates uniquely named queues (with dead-letter queues on request) for one test and deletes them afterwards.</summary>
internal sealed class SqsTestQueues(IAmazonSQS client)
{
    private readonly SqsQueueProvisioner _provisioner = new(client);
    private readonly List<QueueDefinition> _created = [];
    private readonly Dictionary<IMessageQueue, SqsQueue> _deadLetters = [];

    public async Task<SqsQueue> CreateAsync(string name, TimeSpan visibilityTimeout, int? maxReceiveCount = null)
    {
        var definition = new QueueDefinition { Name = name, VisibilityTimeout = visibilityTimeout, MaxReceiveCount = maxReceiveCount };
        _created.Add(definition);
        var provisioned = await _provisioner.EnsureAsync(definition, CancellationToken.None);
        if (provisioned.DeadLetterQueue is { } deadLetters)
        {
            _deadLetters[provisioned.Queue] = deadLetters;
        }

        return provisioned.Queue;
    }

    public SqsQueue DeadLetterQueueOf(IMessageQueue queue) =>
        _deadLetters.TryGetValue(queue, out var deadLetters) ? deadLetters : throw new InvalidOperationException($"Queue {queue.Name} has no dead-letter queue.");

    public async Task DeleteAllAsync()
    {
        foreach (var definition in _created)
        {
            await _provisioner.DeleteAsync(definition, CancellationToken.None);
        }
    }
}
