using System.Buffers;
using System.Security.Cryptography;
using GymCoach.Workers.Analytics;
using GymCoach.Workers.Caching;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Caching;

public sealed class CachedDocumentTests
{
    public static TheoryData<int> Thresholds => new() { 0, int.MaxValue };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void WriteJsonTo_WritesExactlyTheDocumentsJson_CompressedOrNot(int compressionThresholdBytes)
    {
        var document = AnalyticsDocuments.For("user-1", workouts: 20, exercisesPerWorkout: 6);
        var cached = CachedDocument.Encode(document, compressionThresholdBytes);
        var writer = new ArrayBufferWriter<byte>();

        cached.WriteJsonTo(writer);

        Assert.Equal(compressionThresholdBytes == 0, cached.IsCompressed);
        Assert.Equal(AnalyticsJson.SerializeToUtf8Bytes(document), writer.WrittenSpan.ToArray());
        Assert.Equal(writer.WrittenCount, cached.JsonLength);
    }

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void ETag_IsTheQuotedFirst128BitsOfTheJsonsSha256(int compressionThresholdBytes)
    {
        var document = AnalyticsDocuments.For("user-1", workouts: 20, exercisesPerWorkout: 6);
        var hash = SHA256.HashData(AnalyticsJson.SerializeToUtf8Bytes(document));

        var cached = CachedDocument.Encode(document, compressionThresholdBytes);

        Assert.Equal("\"" + Convert.ToHexStringLower(hash.AsSpan(0, 16)) + "\"", cached.ETag);
    }

    [Fact]
    public void ETag_ChangesWithTheContent_AndNotWithTheEncoding()
    {
        var one = AnalyticsDocuments.For("user-1", workouts: 2);
        var two = AnalyticsDocuments.For("user-1", workouts: 3);

        Assert.Equal(CachedDocument.Encode(one, 0).ETag, CachedDocument.Encode(one, int.MaxValue).ETag);
        Assert.NotEqual(CachedDocument.Encode(one, 0).ETag, CachedDocument.Encode(two, 0).ETag);
    }
}
