using Amazon.Runtime;
using Amazon.SQS.Model;
using GymCoach.Aws.Sqs;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Workers.Queueing;

namespace GymCoach.Cli.Reports;

/// <summary>Opens the pipeline's queues for inspection from another process.</summary>
/// <remarks>
/// <c>aws</c> opens the deployed stack's queues; <c>embedded</c> opens the queues saved in the <c>--state</c> folder
/// (read-only beside a running writer, or as the folder's writer); <c>local</c> needs an SQS endpoint that keeps running
/// (<c>--sqs-endpoint</c>), since the fauxqs a <c>local</c> command starts lives only as long as that command.
/// </remarks>
internal static class QueueSetOpener
{
    public const string EndpointVariable = "GYMCOACH_SQS_ENDPOINT";

    public static readonly string LocalRefusal =
        "the local backend starts its own fauxqs, whose queues live only as long as the command that started it. Point this " +
        "command at an SQS endpoint that keeps running with --sqs-endpoint URL (or " + EndpointVariable + "), with the queues " +
        $"{QueueDefinitions.Writes.Name}, {QueueDefinitions.Analytics.Name} and their -dlq queues on it.";

    /// <param name="access">How to open the embedded state: read-only for commands that only look.</param>
    public static async Task<QueueSet> OpenAsync(string backend, string? sqsEndpoint, string stateDirectory, StateAccess access, string command, CancellationToken cancellationToken)
    {
        switch (backend)
        {
            case BackendOptions.Embedded:
                var embedded = await EmbeddedBackend.OpenAsync(stateDirectory, access, command, cancellationToken);
                return new QueueSet(backend, embedded.WritesQueue, embedded.WritesDeadLetterQueue, embedded.AnalyticsQueue, embedded.AnalyticsDeadLetterQueue)
                {
                    Owner = embedded,
                    StateDirectory = stateDirectory,
                };
            case BackendOptions.Local:
                var endpoint = sqsEndpoint ?? Environment.GetEnvironmentVariable(EndpointVariable);
                if (string.IsNullOrWhiteSpace(endpoint))
                {
                    throw new CommandFailedException(LocalRefusal);
                }

                if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw new UsageException($"--sqs-endpoint must be an http(s) URL, was '{endpoint}'");
                }

                return await OpenLocalAsync(uri, cancellationToken);
            default:
                var aws = await AwsBackend.OpenAsync(AwsBackendSettings.FromEnvironment(), cancellationToken);
                return new QueueSet(backend, aws.WritesQueue, aws.WritesDeadLetterQueue, aws.AnalyticsQueue, aws.AnalyticsDeadLetterQueue) { Owner = aws };
        }
    }

    private static async Task<QueueSet> OpenLocalAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var client = SqsClientFactory.Create(SqsConnection.Emulator(endpoint));
        try
        {
            var queues = await Task.WhenAll(
                SqsQueue.OpenAsync(client, QueueDefinitions.Writes.Name, cancellationToken),
                SqsQueue.OpenAsync(client, QueueDefinitions.Writes.DeadLetterName!, cancellationToken),
                SqsQueue.OpenAsync(client, QueueDefinitions.Analytics.Name, cancellationToken),
                SqsQueue.OpenAsync(client, QueueDefinitions.Analytics.DeadLetterName!, cancellationToken));
            return new QueueSet(BackendOptions.Local, queues[0], queues[1], queues[2], queues[3]) { Client = client };
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or SqsRequestException or QueueDoesNotExistException or HttpRequestException)
        {
            client.Dispose();
            throw new CommandFailedException($"the queues at {endpoint} could not be opened ({ex.Message}); is the SQS endpoint running, with the pipeline's queues?");
        }
    }
}
