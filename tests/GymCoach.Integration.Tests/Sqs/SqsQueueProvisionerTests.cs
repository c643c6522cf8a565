using Amazon.SQS;
using Amazon.SQS.Model;
using GymCoach.Aws.Sqs;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Integration.Tests.Sqs;

[Collection(FauxqsCollection.Name)]
[Trait("Category", "Slow")]
public sealed class SqsQueueProvisionerTests(FauxqsFixture fauxqs) : IAsyncLifetime
{
    private readonly SqsQueueProvisioner _provisioner = new(fauxqs.Client);
    private readonly List<QueueDefinition> _created = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var definition in _created)
        {
            await _provisioner.DeleteAsync(definition, CancellationToken.None);
        }
    }

    [Fact]
    public void PipelineQueues_HaveDeadLetterQueuesAndTheProductionVisibilityTimeout()
    {
        Assert.Equal(["gymcoach-writes", "gymcoach-analytics"], QueueDefinitions.All.Select(definition => definition.Name));
        Assert.All(QueueDefinitions.All, definition =>
        {
            Assert.Equal(TimeSpan.FromSeconds(190), definition.VisibilityTimeout);
            Assert.Equal(5, definition.MaxReceiveCount);
            Assert.Equal(definition.Name + "-dlq", definition.DeadLetterName);
            Assert.True(definition.SqsManagedEncryption);
        });
    }

    [Fact]
    public async Task EnsureAsync_CreatesTheQueueAndItsDeadLetterQueue_WithTheDefinitionsAttributes()
    {
        var definition = Define(QueueDefinitions.Writes with { Name = QueueSamples.UniqueName("writes") });

        var provisioned = await _provisioner.EnsureAsync(definition, CancellationToken.None);

        var attributes = await AttributesAsync(provisioned.Queue.Url);
        Assert.Equal("190", attributes[QueueAttributeName.VisibilityTimeout]);
        Assert.Equal("345600", attributes[QueueAttributeName.MessageRetentionPeriod]);
        Assert.Equal("true", attributes[QueueAttributeName.SqsManagedSseEnabled]);
        Assert.Contains($"\"deadLetterTargetArn\":\"{provisioned.DeadLetterQueue!.Arn}\"", attributes[QueueAttributeName.RedrivePolicy], StringComparison.Ordinal);
        Assert.Contains("\"maxReceiveCount\":5", attributes[QueueAttributeName.RedrivePolicy], StringComparison.Ordinal);
        Assert.Equal(definition.Name + "-dlq", provisioned.DeadLetterQueue.Name);
        Assert.Equal("1209600", (await AttributesAsync(provisioned.DeadLetterQueue.Url))[QueueAttributeName.MessageRetentionPeriod]);
    }

    [Fact]
    public async Task EnsureAsync_AgainAfterTheDefinitionChanged_KeepsTheQueueAndConverges()
    {
        var definition = Define(new QueueDefinition { Name = QueueSamples.UniqueName("converge", fifo: true) });
        var first = await _provisioner.EnsureAsync(definition, CancellationToken.None);

        var same = await _provisioner.EnsureAsync(definition, CancellationToken.None);
        var changed = await _provisioner.EnsureAsync(definition with { VisibilityTimeout = TimeSpan.FromSeconds(45) }, CancellationToken.None);

        Assert.Equal(first.Queue.Url, same.Queue.Url);
        Assert.Equal(first.Queue.Url, changed.Queue.Url);
        Assert.EndsWith("-dlq.fifo", changed.DeadLetterQueue!.Name, StringComparison.Ordinal);
        Assert.Equal("45", (await AttributesAsync(changed.Queue.Url))[QueueAttributeName.VisibilityTimeout]);
    }

    [Fact]
    public async Task AVisibilityOverride_ReplacesTheDefinitionsTimeout_ForLocalRuns()
    {
        var provisioner = new SqsQueueProvisioner(fauxqs.Client, visibilityTimeoutOverride: TimeSpan.FromSeconds(2));
        var definition = Define(QueueDefinitions.Analytics with { Name = QueueSamples.UniqueName("local") });

        var provisioned = await provisioner.EnsureAsync(definition, CancellationToken.None);

        Assert.Equal("2", (await AttributesAsync(provisioned.Queue.Url))[QueueAttributeName.VisibilityTimeout]);
    }

    private QueueDefinition Define(QueueDefinition definition)
    {
        _created.Add(definition);
        return definition;
    }

    private async Task<Dictionary<string, string>> AttributesAsync(string url)
    {
        var request = new GetQueueAttributesRequest
        {
            QueueUrl = url,
            AttributeNames =
            [
                QueueAttributeName.VisibilityTimeout, QueueAttributeName.MessageRetentionPeriod,
                QueueAttributeName.RedrivePolicy, QueueAttributeName.SqsManagedSseEnabled,
            ],
        };
        return (await fauxqs.Client.GetQueueAttributesAsync(request, CancellationToken.None)).Attributes;
    }
}
