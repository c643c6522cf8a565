namespace GymCoach.Aws.DynamoDb;

/// <summary>One request of a write call: a BatchWriteItem of unconditional writes or a TransactWriteItems of conditional ones (indexes into the call's writes).</summary>
internal sealed record WriteRequestPlan(bool Conditional, List<int> Indexes);
