namespace TradAI.Infra.Model;

/// <summary>A global secondary index projecting all attributes.</summary>
public sealed record IndexConfig(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey);
