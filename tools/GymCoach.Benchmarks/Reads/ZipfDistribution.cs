namespace GymCoach.Benchmarks.Reads;

/// <summary>Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^s: a few users get most of the requests.</summary>
internal sealed class ZipfDistribution
{
    // _cumulative[k] is the probability of a rank <= k; the last is 1.
    private readonly double[] _cumulative;

    public ZipfDistribution(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        _cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += Math.Pow(rank + 1, -exponent);
            _cumulative[rank] = sum;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= sum;
        }
    }

    public int Count => _cumulative.Length;

    /// <summary>The share of requests that go to the <paramref name="top"/> most popular ranks: the best hit rate any cache of that many entries can reach.</summary>
    public double TopShare(int top) => top <= 0 ? 0 : _cumulative[Math.Min(top, Count) - 1];

    public int Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, Count - 1);
    }
}
