using System.Text.Json;
using Amazon.SQS;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Emulators;
using GymCoach.Cli.Tests.Support;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Queueing;

namespace GymCoach.Cli.Tests.Commands;

/// <summary><c>gymcoach queues</c> and <c>gymcoach dlq</c> against a running fauxqs, through the real SQS API, as an operator uses them.</summary>
[Trait("Category", "Slow")]
public sealed class DlqCommandOnFauxqsTests : IAsyncLifetime
{
    private FauxqsServer? _server;
    private AmazonSQSClient? _client;
    private ProvisionedQueue _writes = null!;
    private ProvisionedQueue _analytics = null!;

    private string Endpoint => _server!.Endpoint.ToString();

    public async Task InitializeAsync()
    {
        _server = await FauxqsServer.StartAsync(CancellationToken.None);
        _client = SqsClientFactory.Create(_server.Connection);
        var provisioner = new SqsQueueProvisioner(_client, TimeSpan.FromSeconds(30));
        var queues = await provisioner.EnsureAllAsync(QueueDefinitions.All, CancellationToken.None);
        _writes = queues.Single(q => q.Definition == QueueDefinitions.Writes);
        _analytics = queues.Single(q => q.Definition == QueueDefinitions.Analytics);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ListShowAndRedrive_WorkOnRealSqsQueues()
    {
        await DeadLetterSamples.SendAsync(_writes.DeadLetterQueue!, 12);
        await DeadLetterSamples.SendAsync(_writes.Queue, 2, first: 100);

        var queues = await Run("queues", "--json");
        using (var json = JsonDocument.Parse(queues.StandardOutput))
        {
            var writes = json.RootElement.GetProperty("queues")[0];
            Assert.Equal("gymcoach-writes", writes.GetProperty("name").GetString());
            Assert.Equal(2, writes.GetProperty("visible").GetInt64());
            Assert.Equal(12, writes.GetProperty("deadLetterQueue").GetProperty("visible").GetInt64());
        }

        var list = await Run("dlq", "list", "--queue", "writes");
        Assert.Contains("gymcoach-writes-dlq: 12 messages", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("corr-11", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("data.exercises[0].sets[0].reps: must be between 1 and 1000", list.StandardOutput, StringComparison.Ordinal);

        var listed = await Run("dlq", "list", "--queue", "writes", "--json");
        string messageId;
        using (var json = JsonDocument.Parse(listed.StandardOutput))
        {
            var messages = json.RootElement[0].GetProperty("messages");
            Assert.Equal(12, messages.GetArrayLength());
            messageId = messages.EnumerateArray().Single(m => m.GetProperty("correlationId").GetString() == "corr-4").GetProperty("messageId").GetString()!;
        }

        var show = await Run("dlq", "show", messageId);
        Assert.Contains($"Message {messageId} in gymcoach-writes-dlq", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  correlationId: corr-4", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"evt-4\"", show.StandardOutput, StringComparison.Ordinal);

        var redrive = await Run("dlq", "redrive", "--queue", "writes");
        Assert.Contains("gymcoach-writes-dlq -> gymcoach-writes: moved 12 of 12", redrive.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, (await _writes.DeadLetterQueue!.GetCountsAsync(CancellationToken.None)).Total);
        var back = await _writes.Queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None);
        var redriven = back.Where(m => !m.Body.Contains("\"evt-100\"", StringComparison.Ordinal) && !m.Body.Contains("\"evt-101\"", StringComparison.Ordinal)).ToList(); // evt-100 and evt-101 were sent to the queue directly.
        Assert.NotEmpty(redriven);
        Assert.All(redriven, m => Assert.Null(m.GetStringAttribute(MessageAttributeNames.FailureReason)));
        Assert.All(redriven, m => Assert.StartsWith("corr-", m.GetStringAttribute(MessageAttributeNames.CorrelationId), StringComparison.Ordinal));
        Assert.Equal(14, (await _writes.Queue.GetCountsAsync(CancellationToken.None)).Total);

        var missing = await CliProcess.RunAsync(null, "dlq", "show", messageId, "--backend", "local", "--sqs-endpoint", Endpoint);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"no message '{messageId}'", missing.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, (await _analytics.Queue.GetCountsAsync(CancellationToken.None)).Total);
    }

    private async Task<CliResult> Run(params string[] args)
    {
        var result = await CliProcess.RunAsync(null, [.. args, "--backend", "local", "--sqs-endpoint", Endpoint]);
        Assert.True(result.ExitCode == 0, $"gymcoach {string.Join(' ', args)} exited {result.ExitCode}: {result.StandardError}");
        return result;
    }
}
