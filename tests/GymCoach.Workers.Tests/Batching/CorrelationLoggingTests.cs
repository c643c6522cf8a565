using System.Collections.Concurrent;
using GymCoach.Contracts.Lambda;
using GymCoach.Contracts.Queueing;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Batching.Fakes;
using GymCoach.Workers.Tests.Support;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace GymCoach.Workers.Tests.Batching;

public sealed class CorrelationLoggingTests
{
    [Fact]
    public async Task LinesAboutAFailedMessage_CarryTheProducersCorrelationId()
    {
        var sink = new CollectingSink();
        var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var sqsEvent = SqsEventBuilder.Standard()
            .WithMessage("m1", messageAttributes: new Dictionary<string, SqsMessageAttribute> { [MessageAttributeNames.CorrelationId] = SqsMessageAttribute.FromString("corr-42") })
            .Build();
        var handler = new ScriptedHandler();
        handler.HandleFailures["m1"] = new TimeoutException("store timed out");

        await new BatchProcessor(new BatchProcessorOptions(), logger: logger).ProcessAsync(sqsEvent, handler, DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);

        var line = Assert.Single(sink.Events, e => e.Properties.ContainsKey("MessageId"));
        Assert.Equal("\"corr-42\"", line.Properties["CorrelationId"].ToString());
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
