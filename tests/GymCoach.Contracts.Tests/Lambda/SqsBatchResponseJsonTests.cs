using System.Text;
using GymCoach.Contracts.Lambda;

namespace GymCoach.Contracts.Tests.Lambda;

public sealed class SqsBatchResponseJsonTests
{
    [Fact]
    public void A_partial_failure_serializes_to_exactly_the_shape_lambda_expects()
    {
        var response = new SqsBatchResponse { BatchItemFailures = [new BatchItemFailure { ItemIdentifier = "id" }] };

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"id"}]}""", Encoding.UTF8.GetString(LambdaJson.Serialize(response)));
    }

    [Fact]
    public void An_all_succeeded_response_serializes_to_an_empty_list()
    {
        var response = new SqsBatchResponse { BatchItemFailures = [] };

        Assert.Equal("""{"batchItemFailures":[]}""", Encoding.UTF8.GetString(LambdaJson.Serialize(response)));
    }

    [Fact]
    public void A_serialized_response_parses_back_to_the_same_identifiers()
    {
        var response = new SqsBatchResponse
        {
            BatchItemFailures = [new BatchItemFailure { ItemIdentifier = "m-1" }, new BatchItemFailure { ItemIdentifier = "m-2" }],
        };

        var parsed = LambdaJson.ParseResponse(LambdaJson.Serialize(response));

        Assert.Equal(["m-1", "m-2"], parsed.BatchItemFailures.Select(failure => failure.ItemIdentifier));
    }
}
