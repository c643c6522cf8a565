namespace GymCoach.Producer;

/// <summary>Settings of <see cref="GymCoachProducer.Create(GymCoachProducerOptions, TimeProvider?)"/>: the transport and its settings.</summary>
public sealed class GymCoachProducerOptions
{
    /// <summary>How events reach the pipeline. Default <see cref="ProducerTransport.Http"/>.</summary>
    public ProducerTransport Transport { get; set; } = ProducerTransport.Http;

    /// <summary>Used when <see cref="Transport"/> is <see cref="ProducerTransport.Http"/>.</summary>
    public HttpProducerOptions Http { get; set; } = new();

    /// <summary>Used when <see cref="Transport"/> is <see cref="ProducerTransport.Sqs"/>.</summary>
    public SqsProducerOptions Sqs { get; set; } = new();

    /// <summary>Checks the settings of the chosen transport and reports all problems at once.</summary>
    /// <exception cref="ArgumentException">One or more settings are invalid; the message lists each of them.</exception>
    public void Validate()
    {
        switch (Transport)
        {
            case ProducerTransport.Http:
                ArgumentNullException.ThrowIfNull(Http);
                Http.Validate();
                break;
            case ProducerTransport.Sqs:
                ArgumentNullException.ThrowIfNull(Sqs);
                Sqs.Validate();
                break;
            default:
                throw new ArgumentException($"Invalid GymCoachProducerOptions: Transport must be Http or Sqs (was {(int)Transport}).");
        }
    }
}
