namespace TradAI.Deployment.Tables;

/// <summary>
/// A local secondary index projecting all attributes: the table's partition key with another sort key, read with
/// strong consistency. It can only be created together with its table, so it must be in the schema before the
/// first deployment.
/// </summary>
public sealed record LocalIndexSchema(string Name, KeyAttribute SortKey);
