namespace GymCoach.Ingest.Api.Security;

/// <summary>The operations a key may perform, as flags so a permission check is one AND.</summary>
[Flags]
internal enum ApiOperation
{
    None = 0,
    WorkoutsWrite = 1,
    ProfilesWrite = 2,
    AnalyticsRead = 4,
    AnalyticsRecompute = 8,
    ProfilesRead = 16,
}
