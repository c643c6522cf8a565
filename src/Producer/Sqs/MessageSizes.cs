using System.Globalization;
using GymCoach.Contracts.Queueing;
using GymCoach.Contracts.Validation;

namespace GymCoach.Producer.Sqs;

/// <summary>Refuses a call whose messages SQS would refuse for their size, before any of them is published.</summary>
internal static class MessageSizes
{
    /// <param name="isBatch">Whether the messages are the workouts of one batch call, named <c>workouts[i]</c>; else the one event is named <c>$</c>.</param>
    public static void ThrowIfTooLarge(IReadOnlyList<OutgoingMessage> messages, int maxBytes, bool isBatch)
    {
        List<ValidationError>? errors = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var size = OutgoingMessageSize.Of(messages[i]);
            if (size > maxBytes)
            {
                var field = isBatch ? string.Create(CultureInfo.InvariantCulture, $"workouts[{i}]") : "$";
                (errors ??= []).Add(new ValidationError(field, string.Create(CultureInfo.InvariantCulture,
                    $"is {size} bytes as a queue message (CloudEvent and attributes); the queue accepts at most {maxBytes}")));
            }
        }

        if (errors is not null)
        {
            throw new ProducerValidationException(errors);
        }
    }
}
