using System.Text.Json.Serialization;

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

/// <summary>A key attribute and its DynamoDB scalar type.</summary>
public sealed record KeyAttribute(string Name, KeyAttributeType Type);

/// <summary>A global secondary index projecting all attributes.</summary>
public sealed record IndexConfig(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey);

/// <summary>DynamoDB key attribute types.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyAttributeType>))]
public enum KeyAttributeType
{
    /// <summary>String (S).</summary>
    [JsonStringEnumMemberName("S")]
    String,

    /// <summary>Number (N).</summary>
    [JsonStringEnumMemberName("N")]
    Number,
}
