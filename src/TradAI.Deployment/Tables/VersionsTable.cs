using TradAI.Deployment.Naming;

namespace TradAI.Deployment.Tables;

/// <summary>
/// The config-versions table (SPEC §7.2, DESIGN.md): key <c>strategy_name</c>/<c>config_id</c>; GSIs
/// <c>status-index</c> and <c>config_hash-index</c>; the local index <c>version_number-index</c>, so listings are
/// newest-first by number with strongly consistent reads (<c>v10-…</c> sorts before <c>v9-…</c> as a string);
/// TTL on <c>ttl</c>. The persistent stack deploys exactly this and the DynamoDB store reads through it.
/// </summary>
public static class VersionsTable
{
    /// <summary>The table's resource key (its name is <c>{project}-config-versions-{env}</c>).</summary>
    public const string Key = ResourceKeys.Tables.ConfigVersions;

    public const string StatusIndex = "status-index";

    public const string ConfigHashIndex = "config_hash-index";

    public const string VersionNumberIndex = "version_number-index";

    /// <summary>The attributes the keys and indexes are built on, exactly as the shared item contract spells them.</summary>
    public static class KeyNames
    {
        public const string StrategyName = "strategy_name";

        public const string ConfigId = "config_id";

        public const string Status = "status";

        public const string ConfigHash = "config_hash";

        public const string VersionNumber = "version_number";

        public const string Ttl = "ttl";
    }

    /// <summary>The schema.</summary>
    public static TableSchema Schema { get; } = new(
        PartitionKey: new KeyAttribute(KeyNames.StrategyName, KeyAttributeType.String),
        SortKey: new KeyAttribute(KeyNames.ConfigId, KeyAttributeType.String),
        GlobalIndexes:
        [
            new GlobalIndexSchema(StatusIndex, new KeyAttribute(KeyNames.StrategyName, KeyAttributeType.String), new KeyAttribute(KeyNames.Status, KeyAttributeType.String)),
            new GlobalIndexSchema(ConfigHashIndex, new KeyAttribute(KeyNames.ConfigHash, KeyAttributeType.String)),
        ],
        LocalIndexes: [new LocalIndexSchema(VersionNumberIndex, new KeyAttribute(KeyNames.VersionNumber, KeyAttributeType.Number))],
        TtlAttribute: KeyNames.Ttl);
}
