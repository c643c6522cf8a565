using System.Text;
using CsCheck;
using GymCoach.Contracts.Events;
using GymCoach.Contracts.Tests.Support;
using GymCoach.Tests.Fuzzing;

namespace GymCoach.Contracts.Tests.Fuzzing;

/// <summary>
/// Fuzzes the CloudEvent reader with mutated, random and malformed SQS bodies: every reader either returns an event or
/// throws <see cref="InvalidEventException"/> (a poison message with a reason), never anything else.
/// </summary>
/// <remarks>Inputs a run found are kept under <c>Fuzzing/Corpus/event-reader</c> and replayed by <see cref="CorpusInput_IsReadOrRejectedAsPoison"/>.</remarks>
public sealed class EventReaderFuzzTests
{
    /// <summary>The suite's run: about 2 s on a 2-core machine.</summary>
    public const int Iterations = 5_000;

    private const string Target = "event-reader";

    public static TheoryData<string> Corpus => FuzzCorpus.Files(Target);

    [Fact]
    public void MutatedBodies_AreReadOrRejectedAsPoison() =>
        JsonFuzz.Mutations(EventBodies.Workout, EventBodies.Profile, EventBodies.Recompute).Sample(ReadEveryWay, iter: FuzzBudget.Iterations(Iterations));

    [Theory]
    [MemberData(nameof(Corpus))]
    public void CorpusInput_IsReadOrRejectedAsPoison(string file) =>
        ReadEveryWay(Encoding.UTF8.GetString(FuzzCorpus.Read(Target, file)));

    private static void ReadEveryWay(string body)
    {
        Rejects(() => EventReader.ReadType(body));
        Rejects(() => EventReader.ReadWorkoutLogged(body, Some.Now));
        Rejects(() => EventReader.ReadProfileUpdated(body));
        Rejects(() => EventReader.ReadAnalyticsRecompute(body));
    }

    /// <summary>Fails with the unexpected exception; an <see cref="InvalidEventException"/> is the reader's answer to bad input.</summary>
    private static void Rejects(Action read)
    {
        try
        {
            read();
        }
        catch (InvalidEventException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        }
    }
}
