using GymCoach.Benchmarks.Reads;

namespace GymCoach.Benchmarks.Tests.Reads;

public sealed class ZipfDistributionTests
{
    [Fact]
    public void TheTop1000Of10000Users_GetAbout84PercentOfRequests_AtExponent1Point1()
    {
        var zipf = new ZipfDistribution(10_000, 1.1);

        Assert.InRange(zipf.TopShare(1_000), 0.84, 0.85);
        Assert.Equal(1.0, zipf.TopShare(10_000), 9);
        Assert.Equal(0.0, zipf.TopShare(0));
    }

    [Fact]
    public void Samples_FollowTheDistribution()
    {
        var zipf = new ZipfDistribution(10_000, 1.1);
        var random = new Random(42);
        var top = 0;
        const int Samples = 100_000;

        for (var i = 0; i < Samples; i++)
        {
            var rank = zipf.Sample(random);
            Assert.InRange(rank, 0, 9_999);
            top += rank < 1_000 ? 1 : 0;
        }

        Assert.InRange((double)top / Samples, zipf.TopShare(1_000) - 0.01, zipf.TopShare(1_000) + 0.01);
    }

    [Fact]
    public void ExponentZero_IsUniform()
    {
        Assert.Equal(0.1, new ZipfDistribution(1_000, 0).TopShare(100), 9);
    }
}
