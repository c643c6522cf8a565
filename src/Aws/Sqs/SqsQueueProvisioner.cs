using Amazon.SQS;
using Amazon.SQS.Model;
using GymCoach.Workers.Queueing;

namespace GymCoach.Aws.Sqs;

/// <summary>Creates the queues of <see cref="QueueDefinition"/>s, with their dead-letter queues and redrive policies, idempotently.</summary>
/// <remarks>
/// CreateQueue returns the existing queue when its attributes match; when they differ (a definition changed), the
/// provisioner sets the new attributes instead, so running it again converges on the definitions.
/// </remarks>
/// <param name="client">A shared client (see <see cref="SqsClientFactory"/>).</param>
/// <param name="visibilityTimeoutOverride">For local runs: a shorter visibility timeout than the definitions', so failed messages come back within seconds.</param>
public sealed class SqsQueueProvisioner(IAmazonSQS client, TimeSpan? visibilityTimeoutOverride = null)
{
    /// <summary>Makes sure the queue and its dead-letter queue exist with the definition's attributes.</summary>
    /// <exception cref="SqsRequestException">A request failed.</exception>
    public async Task<ProvisionedQueue> EnsureAsync(QueueDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        SqsQueue? deadLetters = null;
        if (definition.DeadLetterName is { } deadLetterName)
        {
            deadLetters = await CreateAsync(deadLetterName, SqsQueueAttributes.ForDeadLetterQueue(definition), cancellationToken);
        }

        var visibilityTimeout = visibilityTimeoutOverride ?? definition.VisibilityTimeout;
        var attributes = SqsQueueAttributes.ForQueue(definition, visibilityTimeout, deadLetters?.Arn);
        var queue = await CreateAsync(definition.Name, attributes, cancellationToken);
        return new ProvisionedQueue(definition, queue, deadLetters);
    }

    /// <summary>Makes sure of every definition, in order.</summary>
    public async Task<IReadOnlyList<ProvisionedQueue>> EnsureAllAsync(IEnumerable<QueueDefinition> definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var provisioned = new List<ProvisionedQueue>();
        foreach (var definition in definitions)
        {
            provisioned.Add(await EnsureAsync(definition, cancellationToken));
        }

        return provisioned;
    }

    /// <summary>Deletes the queue and its dead-letter queue; queues that do not exist are skipped.</summary>
    public async Task DeleteAsync(QueueDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await DeleteAsync(definition.Name, cancellationToken);
        if (definition.DeadLetterName is { } deadLetterName)
        {
            await DeleteAsync(deadLetterName, cancellationToken);
        }
    }

    private async Task<SqsQueue> CreateAsync(string name, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        try
        {
            string url;
            try
            {
                url = (await client.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes }, cancellationToken)).QueueUrl;
            }
            catch (AmazonSQSException ex) when (ex is QueueNameExistsException || ex.ErrorCode is "QueueAlreadyExists")
            {
                url = (await client.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name }, cancellationToken)).QueueUrl;
                await UpdateChangedAttributesAsync(url, attributes, cancellationToken);
            }

            return new SqsQueue(client, url, await SqsQueue.GetArnAsync(client, url, cancellationToken));
        }
        catch (Exception ex) when (SqsQueue.IsRequestFailure(ex, cancellationToken))
        {
            throw SqsQueue.Failure("CreateQueue", name, ex);
        }
    }

    /// <summary>Sets only the attributes whose values differ, so an unchanged one an emulator cannot set (fauxqs: SqsManagedSseEnabled) is never sent.</summary>
    private async Task UpdateChangedAttributesAsync(string url, Dictionary<string, string> wanted, CancellationToken cancellationToken)
    {
        var settable = SqsQueueAttributes.Settable(wanted);
        var current = (await client.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [.. settable.Keys] }, cancellationToken)).Attributes;
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settable)
        {
            if (current is null || !current.TryGetValue(name, out var existing) || existing != value)
            {
                changed[name] = value;
            }
        }

        if (changed.Count > 0)
        {
            await client.SetQueueAttributesAsync(new SetQueueAttributesRequest { QueueUrl = url, Attributes = changed }, cancellationToken);
        }
    }

    private async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var url = (await client.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name }, cancellationToken)).QueueUrl;
            await client.DeleteQueueAsync(new DeleteQueueRequest { QueueUrl = url }, cancellationToken);
        }
        catch (QueueDoesNotExistException)
        {
        }
        catch (Exception ex) when (SqsQueue.IsRequestFailure(ex, cancellationToken))
        {
            throw SqsQueue.Failure("DeleteQueue", name, ex);
        }
    }
}
