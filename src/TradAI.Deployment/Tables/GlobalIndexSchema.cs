namespace TradAI.Deployment.Tables;

/// <summary>A global secondary index projecting all attributes; its reads are eventually consistent.</summary>
public sealed record GlobalIndexSchema(string Name, KeyAttribute PartitionKey, KeyAttribute? SortKey = null);
