using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>The persistent data resources: S3 buckets, DynamoDB tables and the PostgreSQL instance.</summary>
public sealed record StorageConfig(
    ValueList<BucketConfig> Buckets,
    ValueList<TableConfig> Tables,
    RdsConfig Rds,
    bool RetainOnDelete)
{
    /// <summary>A bucket by key (<c>configs</c>, <c>results</c>, <c>logs</c>...).</summary>
    public BucketConfig Bucket(string key) =>
        Buckets.FirstOrDefault(b => b.Key == key) ?? throw new KeyNotFoundException($"no bucket '{key}'");

    /// <summary>A table by key (<c>config-versions</c>...).</summary>
    public TableConfig Table(string key) =>
        Tables.FirstOrDefault(t => t.Key == key) ?? throw new KeyNotFoundException($"no table '{key}'");
}
