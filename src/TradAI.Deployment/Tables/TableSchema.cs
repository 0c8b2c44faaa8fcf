namespace TradAI.Deployment.Tables;

/// <summary>
/// The shape of one DynamoDB table: keys, indexes (all projecting every attribute) and the TTL attribute. The stack
/// that deploys the table and the code that creates it for tests and emulators both build it from this value. A value:
/// equal when keys, indexes (in order) and TTL attribute are.
/// </summary>
public sealed record TableSchema(
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<GlobalIndexSchema> GlobalIndexes,
    IReadOnlyList<LocalIndexSchema> LocalIndexes,
    string? TtlAttribute)
{
    /// <summary>Compares the index lists item by item (a record would compare the list references).</summary>
    public bool Equals(TableSchema? other) =>
        other is not null
        && PartitionKey == other.PartitionKey
        && SortKey == other.SortKey
        && GlobalIndexes.SequenceEqual(other.GlobalIndexes)
        && LocalIndexes.SequenceEqual(other.LocalIndexes)
        && TtlAttribute == other.TtlAttribute;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PartitionKey, SortKey, GlobalIndexes.Count, LocalIndexes.Count, TtlAttribute);

    /// <summary>
    /// Every attribute a key of the table or of an index names, once, in first-use order: what DynamoDB's
    /// <c>AttributeDefinitions</c> must list, no more and no less.
    /// </summary>
    public IReadOnlyList<KeyAttribute> KeyAttributes
    {
        get
        {
            var all = new List<KeyAttribute>();
            void Add(KeyAttribute? key)
            {
                if (key is not null && !all.Exists(k => k.Name == key.Name))
                {
                    all.Add(key);
                }
            }

            Add(PartitionKey);
            Add(SortKey);
            foreach (var index in GlobalIndexes)
            {
                Add(index.PartitionKey);
                Add(index.SortKey);
            }

            foreach (var index in LocalIndexes)
            {
                Add(index.SortKey);
            }

            return all;
        }
    }
}
