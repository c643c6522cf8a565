using System.Net;
using System.Text.Json;
using GymCoach.Contracts.Validation;

namespace GymCoach.Producer.Http;

/// <summary>Turns an answer other than 202 into the typed exception a producer can act on.</summary>
internal static class ProblemAnswers
{
    public static async Task<GymCoachProducerException> ToExceptionAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        var problem = await ReadProblemAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => new ProducerValidationException(Errors(problem), problem),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProducerAuthorizationException(status, problem),
            _ => new ProducerApiException(status, problem, attempts),
        };
    }

    private static async Task<ProducerProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, ProducerJsonContext.Default.ProducerProblem, cancellationToken);
        }
        catch (JsonException)
        {
            // A proxy's error page labelled as JSON: the status still tells what happened.
            return null;
        }
    }

    /// <summary>Every field the problem names, one error per message; a 400 without fields becomes one error on <c>$</c>.</summary>
    private static List<ValidationError> Errors(ProducerProblem? problem)
    {
        var errors = new List<ValidationError>();
        if (problem?.Errors is { } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages ?? [])
                {
                    errors.Add(new ValidationError(field, message));
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new ValidationError("$", problem?.Detail ?? problem?.Title ?? "the API refused the request (400)"));
        }

        return errors;
    }
}
