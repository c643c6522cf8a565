using System.Text;
using System.Text.Json;
using CsCheck;
using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;
using GymCoach.Workers.Tests.Batching;
using GymCoach.Workers.Tests.Batching.Fakes;
using GymCoach.Workers.Tests.Handlers;
using GymCoach.Workers.Tests.Support;
using GymCoach.Tests.Fuzzing;

namespace GymCoach.Workers.Tests.Fuzzing;

/// <summary>
/// Fuzzes what the Lambda runtime does with an invocation's payload: the SQS event parser, then both workers over a
/// healthy embedded store and queues. A payload is either refused as an unmarshal error (the exceptions the runtime
/// maps to one), or every one of its records ends succeeded or dead-lettered: bad input is poison, never a crash, a
/// transient retry or a stopped batch.
/// </summary>
/// <remarks>Inputs a run found are kept under <c>Fuzzing/Corpus/sqs-event</c> and replayed by <see cref="CorpusPayload_IsRefusedOrSettled"/>.</remarks>
[Trait("Category", "Slow")]
public sealed class SqsEventFuzzTests
{
    /// <summary>The suite's run: about 4 s on a 2-core machine.</summary>
    public const int Iterations = 2_000;

    private const string Target = "sqs-event";

    public static TheoryData<string> Corpus => FuzzCorpus.Files(Target);

    [Fact]
    public Task MutatedPayloads_AreRefusedOrSettled()
    {
        var bodies = new[]
        {
            WorkerHarness.WorkoutBody(WorkoutBuilder.For("user-1").Exercise("back-squat", (5, 100m)).Build()),
            WorkerHarness.ProfileBody("user-1", "Ann", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            WorkerHarness.RecomputeBody("user-1", "test", "w-1"),
        };
        var seeds = new[]
        {
            Payload(SqsEventBuilder.StandardArn, bodies),
            Payload(SqsEventBuilder.FifoArn, bodies),
        };

        // Half mutate the event itself, half keep it well-formed and mutate the bodies it carries.
        var payloads = Gen.Frequency(
            (1, JsonFuzz.Mutations(seeds)),
            (1, Gen.Select(JsonFuzz.Mutations(bodies).Array[1, 6], Gen.Bool, (mutated, fifo) =>
                Payload(fifo ? SqsEventBuilder.FifoArn : SqsEventBuilder.StandardArn, mutated))));
        return payloads.SampleAsync(payload => RefusedOrSettledAsync(Encoding.UTF8.GetBytes(payload)), iter: FuzzBudget.Iterations(Iterations));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public Task CorpusPayload_IsRefusedOrSettled(string file) => RefusedOrSettledAsync(FuzzCorpus.Read(Target, file));

    private static async Task RefusedOrSettledAsync(byte[] payload)
    {
        SqsEvent sqsEvent;
        try
        {
            sqsEvent = LambdaJson.ParseEvent(payload);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // What the runtime's SQS handler answers with an UnmarshalError: Lambda retries, then the event source's redrive.
            return;
        }

        var harness = new WorkerHarness();
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        var observer = new RecordingObserver();
        var writes = new BatchProcessor(new BatchProcessorOptions(), harness.WritesDeadLetters, observer: observer);
        var analytics = new BatchProcessor(new BatchProcessorOptions(), harness.AnalyticsDeadLetters, observer: observer);
        AssertSettled(sqsEvent, await writes.ProcessAsync(sqsEvent, harness.Writes, deadline, CancellationToken.None), observer, payload);
        AssertSettled(sqsEvent, await analytics.ProcessAsync(sqsEvent, harness.Analytics, deadline, CancellationToken.None), observer, payload);
    }

    private static void AssertSettled(SqsEvent sqsEvent, BatchOutcome outcome, RecordingObserver observer, byte[] payload)
    {
        BatchAssert.WellFormed(sqsEvent, outcome);

        // A body SQS cannot carry never arrives from a real queue, and cannot be dead-lettered either (the DLQ refuses
        // it as SQS would): such a record is left to the source queue's redrive, and FIFO holds its group behind it.
        if (!sqsEvent.Records.All(record => SqsCouldCarry(record.Body)))
        {
            return;
        }

        Assert.True(
            outcome is { RetryFailed: 0, NotStarted: 0 },
            $"{outcome.RetryFailed} retried, {outcome.NotStarted} not started; failures: "
            + string.Join("; ", observer.MessageFailures.Where(f => !f.Poison).Select(f => f.Exception.GetType().Name + ": " + f.Exception.Message))
            + "\npayload: " + Encoding.UTF8.GetString(payload));
    }

    /// <summary>SQS's message body rule: not empty, and only #x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD and whole surrogate pairs.</summary>
    private static bool SqsCouldCarry(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c < ' ' && c is not '\t' and not '\n' and not '\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Payload(string sourceArn, IEnumerable<string> bodies)
    {
        var builder = sourceArn == SqsEventBuilder.FifoArn ? SqsEventBuilder.Fifo() : SqsEventBuilder.Standard();
        var number = 0;
        foreach (var body in bodies)
        {
            number++;
            builder = builder.WithMessage("m" + number, sourceArn == SqsEventBuilder.FifoArn ? "group-" + (number % 2) : null, body);
        }

        return Encoding.UTF8.GetString(LambdaJson.Serialize(builder.Build()));
    }
}
