namespace TradAI.Infra.Model;

/// <summary>One DynamoDB table, with exactly the keys, indexes and TTL attribute its repository uses.</summary>
public sealed record TableConfig(
    string Key,
    string Name,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<IndexConfig> GlobalSecondaryIndexes,
    string? TtlAttribute,
    bool PointInTimeRecovery);
