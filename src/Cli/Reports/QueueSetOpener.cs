using Amazon.Runtime;
using Amazon.SQS.Model;
using GymCoach.Cli.Backends;
using GymCoach.Cli.Commands;
using GymCoach.Workers.Queueing;
using GymCoach.Workers.Queueing.Sqs;

namespace GymCoach.Cli.Reports;

/// <summary>Opens the queues of a running pipeline for inspection from another process.</summary>
/// <remarks>
/// Only backends whose queues outlive a process can be inspected: <c>aws</c> (the deployed stack) and <c>local</c>
/// pointed at an SQS endpoint that is already running (<c>--sqs-endpoint</c>). The embedded backend's queues, and the
/// fauxqs a <c>local</c> command starts for itself, live inside the process that runs the pipeline; the embedded
/// <c>--state</c> snapshot holds the store only. Those cases are refused with that explanation rather than showing
/// the empty queues a new process would have.
/// </remarks>
internal static class QueueSetOpener
{
    public const string EndpointVariable = "GYMCOACH_SQS_ENDPOINT";

    public const string EmbeddedRefusal =
        "the embedded backend's queues live only inside the process that runs the pipeline (gymcoach demo or run), and its " +
        "--state snapshot holds the store, not the queues: another process cannot inspect them. Use --backend local " +
        "--sqs-endpoint URL (an SQS emulator that keeps running) or --backend aws; within a demo, the summary counts the dead letters.";

    public const string LocalRefusal =
        "the local backend starts its own fauxqs, whose queues live only as long as the command that started it. Point this " +
        "command at an SQS endpoint that keeps running with --sqs-endpoint URL (or " + EndpointVariable + "), with the queues " +
        "gymcoach-writes, gymcoach-analytics and their -dlq queues on it.";

    public static async Task<QueueSet> OpenAsync(string backend, string? sqsEndpoint, CancellationToken cancellationToken)
    {
        switch (backend)
        {
            case BackendOptions.Embedded:
                throw new CommandFailedException(EmbeddedRefusal);
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
                return new QueueSet(backend, aws.WritesQueue, aws.WritesDeadLetterQueue, aws.AnalyticsQueue, aws.AnalyticsDeadLetterQueue);
        }
    }

    private static async Task<QueueSet> OpenLocalAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var client = SqsClientFactory.GetClient(SqsConnection.Emulator(endpoint));
        try
        {
            var queues = await Task.WhenAll(
                SqsQueue.OpenAsync(client, QueueDefinitions.Writes.Name, cancellationToken),
                SqsQueue.OpenAsync(client, QueueDefinitions.Writes.DeadLetterName!, cancellationToken),
                SqsQueue.OpenAsync(client, QueueDefinitions.Analytics.Name, cancellationToken),
                SqsQueue.OpenAsync(client, QueueDefinitions.Analytics.DeadLetterName!, cancellationToken));
            return new QueueSet(BackendOptions.Local, queues[0], queues[1], queues[2], queues[3]);
        }
        catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or SqsRequestException or QueueDoesNotExistException or HttpRequestException)
        {
            throw new CommandFailedException($"the queues at {endpoint} could not be opened ({ex.Message}); is the SQS endpoint running, with the pipeline's queues?");
        }
    }
}
