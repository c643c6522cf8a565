using System.Text.Json;
using GymCoach.Contracts.Events;

namespace GymCoach.Workers.Batching;

/// <summary>Tells poison (never succeeds: dead-letter it) from transient (retry it).</summary>
internal static class FailureClassifier
{
    public static bool IsPoison(Exception error) =>
        error is PoisonMessageException or InvalidEventException or JsonException;
}
