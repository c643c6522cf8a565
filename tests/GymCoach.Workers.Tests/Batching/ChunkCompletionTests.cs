using GymCoach.Contracts.Lambda;
using GymCoach.Workers.Batching;

namespace GymCoach.Workers.Tests.Batching;

public sealed class ChunkCompletionTests
{
    [Fact]
    public void ARecordWithoutMessageId_CanBeFailed()
    {
        var withoutId = new SqsMessage { MessageId = null!, Body = "{}" };
        var completion = new ChunkCompletion([withoutId]);
        var error = new TimeoutException("conditional write throttled");

        completion.Fail(withoutId, error);

        Assert.Same(error, completion.Failures[withoutId]);
    }

    [Fact]
    public void TwoDeliveriesOfOneMessage_AreFailedOneByOne()
    {
        var first = new SqsMessage { MessageId = "m-1", ReceiptHandle = "r-1", Body = "{}" };
        var second = new SqsMessage { MessageId = "m-1", ReceiptHandle = "r-2", Body = "{}" };
        var completion = new ChunkCompletion([first, second]);

        completion.Fail(second, new TimeoutException("throttled"));

        Assert.False(completion.Failures.ContainsKey(first));
        Assert.True(completion.Failures.ContainsKey(second));
    }
}
