using GymCoach.Workers.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace GymCoach.Workers.Tests.Metrics;

public sealed class MetricsRecorderTests
{
    private const string Function = "gymcoach-writes-worker-dev";
    private const string Queue = "gymcoach-writes-dev";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly MetricsRecorder _recorder;

    public MetricsRecorderTests()
    {
        _recorder = new MetricsRecorder(Function, _time);
    }

    [Fact]
    public void Counters_AreSummed_AndDistributionsKeepEveryValue_InOneDocumentPerDimensionSet()
    {
        _recorder.Record(MetricCatalogue.MessagesReceived, 100, Queue);
        _recorder.Record(MetricCatalogue.MessagesReceived, 50, Queue);
        _recorder.Record(MetricCatalogue.ChunkDuration, TimeSpan.FromMilliseconds(12.5), Queue);
        _recorder.Record(MetricCatalogue.ChunkDuration, TimeSpan.FromMilliseconds(30), Queue);
        _recorder.Record(MetricCatalogue.CacheHits, 3, cacheType: "profile");

        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(2, documents.Lines.Count);
        Assert.Equal(150, documents.Sum("MessagesReceived", Function, Queue));
        Assert.Equal([12.5, 30], documents.Values("ChunkDuration", Function, Queue));
        Assert.Equal(3, documents.Sum("CacheHits", Function, "profile"));
        Assert.Null(documents.Sum("CacheHits", Function));
    }

    [Fact]
    public void ADocument_NamesNamespaceDimensionsAndUnits_AndIsTimestampedInMilliseconds()
    {
        _recorder.Record(MetricCatalogue.QueueLag, TimeSpan.FromSeconds(2), Queue);
        _recorder.Record(MetricCatalogue.MessagesFailed, 1, Queue);

        var root = Assert.Single(EmfDocuments.Flush(_recorder).Roots);

        var aws = root.GetProperty("_aws");
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("GymCoach", directive.GetProperty("Namespace").GetString());
        Assert.Equal(["FunctionName", "QueueName"], EmfDocuments.DimensionNames(root));
        var definitions = directive.GetProperty("Metrics").EnumerateArray()
            .ToDictionary(d => d.GetProperty("Name").GetString()!, d => d.GetProperty("Unit").GetString());
        Assert.Equal("Count", definitions["MessagesFailed"]);
        Assert.Equal("Milliseconds", definitions["QueueLag"]);
        Assert.Equal(2000, root.GetProperty("QueueLag")[0].GetDouble());
    }

    [Fact]
    public void MoreThan100Values_AreSpreadOverDocumentsOfAtMost100_WithCountersOnlyInTheFirst()
    {
        for (var i = 0; i < 250; i++)
        {
            _recorder.Record(MetricCatalogue.QueueLag, i, Queue);
        }

        _recorder.Record(MetricCatalogue.MessagesReceived, 250, Queue);

        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(3, documents.Lines.Count);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => (double)i), documents.Values("QueueLag", Function, Queue));
        Assert.Equal(250, documents.Sum("MessagesReceived", Function, Queue));
        Assert.Single(documents.Roots, root => root.TryGetProperty("MessagesReceived", out _));
    }

    [Fact]
    public void QueuesAndStatusClasses_GetTheirOwnDocuments()
    {
        _recorder.Record(MetricCatalogue.MessagesReceived, 1, "a");
        _recorder.Record(MetricCatalogue.MessagesReceived, 2, "b");
        _recorder.RecordApiRequest(200, TimeSpan.FromMilliseconds(5));
        _recorder.RecordApiRequest(201, TimeSpan.FromMilliseconds(7));
        _recorder.RecordApiRequest(503, TimeSpan.FromMilliseconds(9));

        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(1, documents.Sum("MessagesReceived", Function, "a"));
        Assert.Equal(2, documents.Sum("MessagesReceived", Function, "b"));
        Assert.Equal(2, documents.Sum("ApiRequests", Function, "2xx"));
        Assert.Equal(1, documents.Sum("ApiRequests", Function, "5xx"));
        Assert.Equal([5, 7, 9], documents.Values("ApiLatency", Function));
    }

    [Fact]
    public void Flush_ForgetsWhatItWrote_AndWritesNothingWhenNothingWasRecorded()
    {
        _recorder.Record(MetricCatalogue.MessagesReceived, 1, Queue);
        Assert.Single(EmfDocuments.Flush(_recorder).Lines);

        using var output = new StringWriter();
        Assert.Equal(0, _recorder.Flush(output));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void AMetricOutsideTheCatalogue_CannotBeRecorded()
    {
        // Even a definition identical to a catalogue entry is refused: only the catalogue's instances count.
        var lookalike = new MetricDefinition(0, "MessagesReceived", MetricUnit.Count, MetricKind.Counter, ["FunctionName", "QueueName"], "copy");
        var unknown = new MetricDefinition(99, "Invented", MetricUnit.Count, MetricKind.Counter, ["FunctionName"], "not listed");

        Assert.Throws<ArgumentException>(() => _recorder.Record(lookalike, 1, Queue));
        Assert.Throws<ArgumentException>(() => _recorder.Record(unknown, 1));
    }

    [Fact]
    public void MissingOrExtraDimensionValues_AndNonFiniteValues_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.MessagesReceived, 1));
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.CacheHits, 1, Queue));
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.CacheHits, 1));
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.MessagesReceived, 1, Queue, cacheType: "profile"));
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.ApiRequests, 1));
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.ApiRequests, 1, statusClass: " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => _recorder.Record(MetricCatalogue.CacheHits, double.NaN, cacheType: "plans"));
        Assert.Throws<ArgumentException>(() => _recorder.Record(MetricCatalogue.CacheHits, TimeSpan.FromSeconds(1), cacheType: "plans"));
    }

    [Fact]
    public void Sources_AreSampledAtEveryFlush()
    {
        var source = new CountingSource();
        _recorder.AddSource(source);

        var first = EmfDocuments.Flush(_recorder);
        var second = EmfDocuments.Flush(_recorder);

        Assert.Equal(1, first.Sum("AnalyticsRecomputes", Function));
        Assert.Equal(2, second.Sum("AnalyticsRecomputes", Function));
    }

    [Fact]
    public void ADistributionBeyondItsCap_DropsValues_AndCountsThem()
    {
        for (var i = 0; i < MetricsRecorder.MaxValuesPerFlush + 5; i++)
        {
            _recorder.Record(MetricCatalogue.StoreLatency, 1.0);
        }

        var documents = EmfDocuments.Flush(_recorder);

        Assert.Equal(MetricsRecorder.MaxValuesPerFlush, documents.Values("StoreLatency", Function).Count);
        Assert.Equal(5, _recorder.DroppedValues);
    }

    [Fact]
    public async Task ConcurrentRecording_LosesNothing()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                _recorder.Record(MetricCatalogue.MessagesSucceeded, 1, Queue);
            }
        })));

        Assert.Equal(8000, EmfDocuments.Flush(_recorder).Sum("MessagesSucceeded", Function, Queue));
    }

    private sealed class CountingSource : IMetricsSource
    {
        private int _samples;

        public void Sample(MetricsRecorder recorder) => recorder.RecordRecomputes(++_samples);
    }
}
