using GymCoach.Aws.DynamoDb;
using GymCoach.Contracts.Storage;
using GymCoach.Workers.Tests.Support;

namespace GymCoach.Workers.Tests.Storage.Dynamo;

public sealed class WritePlanTests
{
    [Fact]
    public void WritesToDistinctKeys_FormOneWave_InListOrder()
    {
        var writes = Writes("a", "b", "c");

        Assert.Equal([[0, 1, 2]], WritePlan.Waves(writes));
    }

    [Fact]
    public void AKeysLaterWrites_GoToLaterWaves_SoTheyApplyInListOrder()
    {
        var writes = Writes("a", "b", "a", "c", "a", "b");

        Assert.Equal([[0, 1, 3], [2, 5], [4]], WritePlan.Waves(writes));
    }

    [Fact]
    public void UnconditionalWrites_GoInBatchesOf25_AndConditionalOnesInTransactionsOf100()
    {
        var writes = Enumerable.Range(0, 260)
            .Select(i => new ItemWrite(ItemSamples.Item("p", $"k{i}"), i % 2 == 0 ? WriteCondition.None : WriteCondition.IfNotExists))
            .ToList();

        var requests = WritePlan.Requests(writes, [.. Enumerable.Range(0, 260)], WritePlan.MaxTransactionItems);

        Assert.Equal(
            [(false, 5), (false, 25), (false, 25), (false, 25), (false, 25), (false, 25), (true, 30), (true, 100)],
            requests.Select(request => (request.Conditional, request.Indexes.Count)).Order());
        Assert.Equal(Enumerable.Range(0, 260), requests.SelectMany(request => request.Indexes).Order());
    }

    [Fact]
    public void ATransaction_StaysUnderFourMegabytes()
    {
        var large = new string('x', 300 * 1024);
        var writes = Enumerable.Range(0, 30).Select(i => new ItemWrite(ItemSamples.Item("p", $"k{i}", data: large), WriteCondition.IfNewerVersion)).ToList();

        var requests = WritePlan.Requests(writes, [.. Enumerable.Range(0, 30)], WritePlan.MaxTransactionItems);

        Assert.Equal([13, 13, 4], requests.Select(request => request.Indexes.Count));
    }

    [Fact]
    public void WithSinglePuts_EveryConditionalWriteIsARequestOfItsOwn()
    {
        var writes = Writes("a", "b", "c").Select(write => write with { Condition = WriteCondition.IfNotExists }).ToList();

        var requests = WritePlan.Requests(writes, [0, 1, 2], conditionalGroupSize: 1);

        Assert.Equal([[0], [1], [2]], requests.Select(request => request.Indexes));
    }

    private static List<ItemWrite> Writes(params string[] sortKeys) => [.. sortKeys.Select(key => new ItemWrite(ItemSamples.Item("p", key)))];
}
