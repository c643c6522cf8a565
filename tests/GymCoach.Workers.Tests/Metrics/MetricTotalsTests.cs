using GymCoach.Workers.Metrics;

namespace GymCoach.Workers.Tests.Metrics;

public sealed class MetricTotalsTests
{
    private const string Queue = "gymcoach-writes-local";

    private readonly MetricTotals _totals = new();
    private readonly MetricsRecorder _recorder;

    public MetricTotalsTests()
    {
        _recorder = new MetricsRecorder("gymcoach-writes-worker-local", totals: _totals);
    }

    [Fact]
    public void Counters_AreSummedAcrossFlushes_WhileEachFlushWritesOnlyItsOwn()
    {
        _recorder.Record(MetricCatalogue.MessagesSucceeded, 100, Queue);
        var first = EmfDocuments.Flush(_recorder);
        _recorder.Record(MetricCatalogue.MessagesSucceeded, 50, Queue);
        var second = EmfDocuments.Flush(_recorder);

        Assert.Equal(100, first.Sum("MessagesSucceeded", "gymcoach-writes-worker-local", Queue));
        Assert.Equal(50, second.Sum("MessagesSucceeded", "gymcoach-writes-worker-local", Queue));
        Assert.Equal(150, _totals.Sum(MetricCatalogue.MessagesSucceeded));
        Assert.Same(_totals, _recorder.Totals);
    }

    [Fact]
    public void MillisecondDistributions_KeepEveryValueInAHistogram()
    {
        _recorder.Record(MetricCatalogue.QueueLag, TimeSpan.FromMilliseconds(10), Queue);
        _recorder.Record(MetricCatalogue.QueueLag, TimeSpan.FromMilliseconds(1000), Queue);
        _recorder.Flush(TextWriter.Null);

        var lag = _totals.Histogram(MetricCatalogue.QueueLag);

        Assert.Equal(2, lag.Count);
        Assert.InRange(lag.Max.TotalMilliseconds, 999, 1001);
        Assert.Equal(0, _totals.Histogram(MetricCatalogue.InvocationDuration).Count);
    }

    [Fact]
    public void AskingForACounterAsADistribution_OrTheReverse_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _totals.Histogram(MetricCatalogue.MessagesSucceeded));
        Assert.Throws<ArgumentException>(() => _totals.Sum(MetricCatalogue.QueueLag));
        Assert.Throws<ArgumentException>(() => _totals.Histogram(MetricCatalogue.PublisherBatchFill));
    }

    [Fact]
    public void ARecorderWithoutTotals_KeepsNothingPastAFlush()
    {
        var recorder = new MetricsRecorder("gymcoach-writes-worker-dev");

        recorder.Record(MetricCatalogue.MessagesSucceeded, 1, Queue);

        Assert.Null(recorder.Totals);
    }
}
