using GymCoach.Contracts.Validation;
using GymCoach.Ingest.Api.Problems;

namespace GymCoach.Ingest.Api.Parsing;

/// <summary>A request body read against its contract's shape.</summary>
/// <param name="Value">The object, with stand-ins where a value was broken or missing; null when the body was not an object.</param>
/// <param name="Errors">Every wrong type, unknown or repeated field, unknown enum value and missing field.</param>
/// <param name="Problem">Set instead when the body is not JSON at all: then nothing else is known.</param>
internal sealed record ShapedBody<T>(T? Value, IReadOnlyList<ValidationError> Errors, ProblemResult? Problem)
    where T : class;
