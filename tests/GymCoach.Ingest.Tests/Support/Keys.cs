using GymCoach.Ingest.Api;

namespace GymCoach.Ingest.Tests.Support;

/// <summary>The API keys every test API accepts: who may do what.</summary>
internal static class Keys
{
    public const string Writer = "gck_test_writer_key";
    public const string OtherWriter = "gck_test_other_writer_key";
    public const string Reader = "gck_test_reader_key";
    public const string Limited = "gck_test_limited_key";
    public const string ProfileReader = "gck_test_profile_reader_key";

    public static IList<ApiKeyOptions> All() =>
    [
        Key("writer", Writer, 10_000, ApiOperations.WorkoutsWrite, ApiOperations.ProfilesWrite, ApiOperations.AnalyticsRecompute),
        Key("other-writer", OtherWriter, 10_000, ApiOperations.WorkoutsWrite),
        Key("reader", Reader, 10_000, ApiOperations.AnalyticsRead),
        Key("limited", Limited, 1, [.. ApiOperations.All]),
        Key("profile-reader", ProfileReader, 10_000, ApiOperations.ProfilesRead),
    ];

    private static ApiKeyOptions Key(string name, string key, int perSecond, params string[] operations) => new()
    {
        Name = name,
        Sha256 = ApiKeyHash.Compute(key),
        Operations = operations,
        RequestsPerSecond = perSecond,
        Burst = perSecond == 1 ? 2 : perSecond,
    };
}
