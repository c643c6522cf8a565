namespace GymCoach.Producer;

/// <summary>How an <see cref="IGymCoachProducer"/> reaches the pipeline.</summary>
public enum ProducerTransport
{
    /// <summary>Through the ingest HTTP API with an API key: for apps and anything without AWS credentials.</summary>
    Http,

    /// <summary>Straight to the SQS queues, auto-batched: for services whose IAM role may <c>sqs:SendMessage</c>.</summary>
    Sqs,
}
