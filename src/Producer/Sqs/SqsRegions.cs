namespace GymCoach.Producer.Sqs;

/// <summary>Finds the region of an Amazon SQS queue URL, so a producer need not be told it twice.</summary>
internal static class SqsRegions
{
    /// <summary>The region of <c>https://sqs.&lt;region&gt;.amazonaws.com/…</c>, or null for any other host (emulators, custom endpoints).</summary>
    public static string? FromQueueUrl(Uri? url)
    {
        if (url is not { IsAbsoluteUri: true })
        {
            return null;
        }

        var labels = url.Host.Split('.');
        return labels is ["sqs", { Length: > 0 } region, "amazonaws", ..] ? region : null;
    }
}
