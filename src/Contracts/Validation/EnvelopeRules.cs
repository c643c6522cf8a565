using GymCoach.Contracts.Events;

namespace GymCoach.Contracts.Validation;

/// <summary>The CloudEvents 1.0 attributes GymCoach relies on.</summary>
internal static class EnvelopeRules
{
    public static void Check<TData>(ErrorCollector errors, CloudEvent<TData> cloudEvent)
    {
        if (errors.Present("specversion", cloudEvent.SpecVersion)
            && cloudEvent.SpecVersion != CloudEvent<TData>.SpecVersion10)
        {
            errors.Add("specversion", ErrorCollector.Format(
                $"must be \"{CloudEvent<TData>.SpecVersion10}\", was \"{ProducerText.Echo(cloudEvent.SpecVersion)}\""));
        }

        NonBlank(errors, "id", cloudEvent.Id);
        NonBlank(errors, "source", cloudEvent.Source);

        if (errors.Present("type", cloudEvent.Type) && !EventTypes.IsKnown(cloudEvent.Type))
        {
            errors.Add("type", $"is not a known event type: \"{ProducerText.Echo(cloudEvent.Type)}\"");
        }

        errors.Present("data", cloudEvent.Data);
    }

    private static void NonBlank(ErrorCollector errors, string field, string? value)
    {
        if (errors.Present(field, value) && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "must not be empty or whitespace");
        }
    }
}
