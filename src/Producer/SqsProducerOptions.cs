using System.Globalization;
using GymCoach.Producer.Sqs;
using GymCoach.Workers.Publishing;

namespace GymCoach.Producer;

/// <summary>Settings of the SQS transport: the two queues, the producer's CloudEvents <c>source</c>, and the publisher's batching.</summary>
/// <remarks>Credentials come from the AWS SDK's default chain (the service's IAM role), except for emulators (<see cref="ServiceUrl"/>).</remarks>
public sealed class SqsProducerOptions
{
    /// <summary>The writes queue's URL (workouts and profiles), as the stack outputs it. Required.</summary>
    public Uri? WritesQueueUrl { get; set; }

    /// <summary>The analytics queue's URL (recompute requests). Required.</summary>
    public Uri? AnalyticsQueueUrl { get; set; }

    /// <summary>The queues' region. Default: taken from an Amazon SQS queue URL (<c>sqs.&lt;region&gt;.amazonaws.com</c>), else us-east-1 for emulators.</summary>
    public string? Region { get; set; }

    /// <summary>An SQS emulator's endpoint (fauxqs, moto), signed with fixed dummy credentials; null (the default) for Amazon SQS.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The CloudEvents <c>source</c> of every event, naming this producer, for example <c>gymcoach/importer</c>. Required.</summary>
    public string? Source { get; set; }

    /// <summary>How messages are batched and resent. Default: <see cref="SqsBatchPublisherOptions"/>' defaults (5 ms linger, 4 attempts).</summary>
    public SqsBatchPublisherOptions Publisher { get; set; } = new();

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists each of them.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        Check(errors, IsQueueUrl(WritesQueueUrl), $"WritesQueueUrl must be an absolute queue URL ending in /<account>/<name> (was '{WritesQueueUrl}').");
        Check(errors, IsQueueUrl(AnalyticsQueueUrl), $"AnalyticsQueueUrl must be an absolute queue URL ending in /<account>/<name> (was '{AnalyticsQueueUrl}').");
        Check(errors, ServiceUrl is null || ServiceUrl.IsAbsoluteUri, $"ServiceUrl must be an absolute URI (was '{ServiceUrl}').");
        Check(errors, !string.IsNullOrWhiteSpace(Source), $"Source is required: it names this producer on every event.");
        Check(errors, Region is null || !string.IsNullOrWhiteSpace(Region), $"Region must not be empty.");
        Check(errors, Region is not null || ServiceUrl is not null || SqsRegions.FromQueueUrl(WritesQueueUrl) is not null,
            $"Region is required when the queue URL does not name it.");
        if (Publisher is null)
        {
            errors.Add("Publisher must not be null.");
        }
        else
        {
            try
            {
                Publisher.Validate();
            }
            catch (ArgumentException ex)
            {
                errors.Add(ex.Message);
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SqsProducerOptions: " + string.Join(" ", errors));
        }
    }

    private static bool IsQueueUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && url.AbsolutePath.Trim('/').Split('/') is [{ Length: > 0 }, { Length: > 0 }];

    private static void Check(List<string> errors, bool valid, FormattableString error)
    {
        if (!valid)
        {
            errors.Add(error.ToString(CultureInfo.InvariantCulture));
        }
    }
}
