using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TradAI.Config.Core.Errors;

namespace TradAI.Config.Aws.Versioning;

/// <summary>
/// The config-versions table (DESIGN.md, SPEC §7.2): key <c>strategy_name</c>/<c>config_id</c>, GSIs
/// <c>status-index</c> and <c>config_hash-index</c> for eventually consistent lookups, plus the local index
/// <c>version_number-index</c> so listings are newest-first by number with strongly consistent reads
/// (<c>v10-…</c> sorts before <c>v9-…</c> as a string, so the sort key alone cannot do it). TTL on <c>ttl</c>.
/// </summary>
public static class DynamoDbVersionTable
{
    /// <summary>Default table name (override with <c>--table</c> / <c>TRADAI_VERSIONS_TABLE</c>).</summary>
    public const string DefaultTableName = "tradai-config-versions";

    public const string StatusIndex = "status-index";
    public const string ConfigHashIndex = "config_hash-index";
    public const string VersionNumberIndex = "version_number-index";

    /// <summary>Item attribute names, exactly as the shared contract spells them.</summary>
    public static class Attributes
    {
        public const string StrategyName = "strategy_name";
        public const string ConfigId = "config_id";
        public const string ConfigHash = "config_hash";
        public const string ConfigData = "config_data";
        public const string Status = "status";
        public const string VersionNumber = "version_number";
        public const string CreatedBy = "created_by";
        public const string CreatedAt = "created_at";
        public const string DeployedAt = "deployed_at";
        public const string DeprecatedAt = "deprecated_at";
        public const string SupersededBy = "superseded_by";
        public const string Ttl = "ttl";

        /// <summary>
        /// JSON pointers (RFC 6901) of the whole-valued floats in <see cref="ConfigData"/>: DynamoDB's number type keeps
        /// 2.0 and 2 as the same number, so this restores each value's type exactly. Absent when there are none.
        /// </summary>
        public const string ConfigFloatPaths = "config_float_paths";
    }

    /// <summary>
    /// Sort key of the per-strategy state item. <c>#</c> sorts before <c>v</c> and is never a version id; the item
    /// has no <c>status</c>, <c>config_hash</c> or <c>version_number</c>, so no index (and no listing) sees it.
    /// </summary>
    public const string StateItemId = "#state";

    /// <summary>Attributes of the state item: the next number, the active version (a full copy), and live hash → id markers.</summary>
    public static class StateAttributes
    {
        public const string NextVersionNumber = "next_version_number";
        public const string ActiveConfigId = "active_config_id";
        public const string Active = "active_version";
        public const string LiveHashes = "live_hashes";
    }

    /// <summary>Creates the table (on-demand billing) with its indexes, waits until it is active, and enables TTL on <c>ttl</c>.</summary>
    /// <exception cref="ExternalServiceException">DynamoDB refused or failed.</exception>
    public static async Task CreateAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = tableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions =
                [
                    new AttributeDefinition(Attributes.StrategyName, ScalarAttributeType.S),
                    new AttributeDefinition(Attributes.ConfigId, ScalarAttributeType.S),
                    new AttributeDefinition(Attributes.Status, ScalarAttributeType.S),
                    new AttributeDefinition(Attributes.ConfigHash, ScalarAttributeType.S),
                    new AttributeDefinition(Attributes.VersionNumber, ScalarAttributeType.N),
                ],
                KeySchema =
                [
                    new KeySchemaElement(Attributes.StrategyName, KeyType.HASH),
                    new KeySchemaElement(Attributes.ConfigId, KeyType.RANGE),
                ],
                GlobalSecondaryIndexes =
                [
                    new GlobalSecondaryIndex
                    {
                        IndexName = StatusIndex,
                        KeySchema = [new KeySchemaElement(Attributes.StrategyName, KeyType.HASH), new KeySchemaElement(Attributes.Status, KeyType.RANGE)],
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                    new GlobalSecondaryIndex
                    {
                        IndexName = ConfigHashIndex,
                        KeySchema = [new KeySchemaElement(Attributes.ConfigHash, KeyType.HASH)],
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                ],
                LocalSecondaryIndexes =
                [
                    new LocalSecondaryIndex
                    {
                        IndexName = VersionNumberIndex,
                        KeySchema = [new KeySchemaElement(Attributes.StrategyName, KeyType.HASH), new KeySchemaElement(Attributes.VersionNumber, KeyType.RANGE)],
                        Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    },
                ],
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Someone else is creating it: wait for it below like for our own.
        }
        catch (AmazonDynamoDBException ex)
        {
            throw DynamoDbErrors.Map($"create table '{tableName}'", ex);
        }

        await WaitUntilActiveAsync(client, tableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = Attributes.Ttl, Enabled = true },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonDynamoDBException ex) when (ex.Message.Contains("already enabled", StringComparison.OrdinalIgnoreCase))
        {
        }
        catch (AmazonDynamoDBException ex)
        {
            throw DynamoDbErrors.Map($"enable TTL on '{tableName}'", ex);
        }
    }

    /// <summary>Creates the table unless it exists; returns whether it was created.</summary>
    public static async Task<bool> EnsureAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (ResourceNotFoundException)
        {
            await CreateAsync(client, tableName, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonDynamoDBException ex)
        {
            throw DynamoDbErrors.Map($"describe table '{tableName}'", ex);
        }
    }

    private static async Task WaitUntilActiveAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                var table = (await client.DescribeTableAsync(tableName, ct).ConfigureAwait(false)).Table;
                if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
                {
                    return;
                }
            }
            catch (ResourceNotFoundException)
            {
                // Not visible yet.
            }
            catch (AmazonDynamoDBException ex)
            {
                throw DynamoDbErrors.Map($"describe table '{tableName}'", ex);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ExternalServiceException("dynamodb", $"table '{InputSanitizer.Sanitize(tableName)}' did not become active within 5 minutes");
            }

            await Task.Delay(500, ct).ConfigureAwait(false);
        }
    }
}
