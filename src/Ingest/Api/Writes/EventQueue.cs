namespace GymCoach.Ingest.Api.Writes;

/// <summary>Which queue an endpoint's events go to.</summary>
internal enum EventQueue
{
    Writes,
    Analytics,
}
