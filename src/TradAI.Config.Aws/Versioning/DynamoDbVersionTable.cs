using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Deployment.Tables;

namespace TradAI.Config.Aws.Versioning;

/// <summary>
/// The config-versions table as the DynamoDB store uses it. Keys, indexes and TTL are <see cref="VersionsTable.Schema"/>,
/// the one schema the persistent stack also deploys: creating a table here (tests, emulators, <c>--create-table</c>)
/// gives exactly the table a deployment has.
/// </summary>
public static class DynamoDbVersionTable
{
    /// <summary>The <see cref="ExternalServiceException.ErrorCode"/> of an operation on a table that does not exist.</summary>
    public const string MissingTableErrorCode = "ResourceNotFoundException";

    public const string StatusIndex = VersionsTable.StatusIndex;
    public const string ConfigHashIndex = VersionsTable.ConfigHashIndex;
    public const string VersionNumberIndex = VersionsTable.VersionNumberIndex;

    /// <summary>Item attribute names, exactly as the shared contract spells them (the key attributes are the schema's).</summary>
    public static class Attributes
    {
        public const string StrategyName = VersionsTable.KeyNames.StrategyName;
        public const string ConfigId = VersionsTable.KeyNames.ConfigId;
        public const string ConfigHash = VersionsTable.KeyNames.ConfigHash;
        public const string ConfigData = "config_data";
        public const string Status = VersionsTable.KeyNames.Status;
        public const string VersionNumber = VersionsTable.KeyNames.VersionNumber;
        public const string CreatedBy = "created_by";
        public const string CreatedAt = "created_at";
        public const string DeployedAt = "deployed_at";

        /// <summary>Who activated the version; absent when no one was recorded (and on items written before it was).</summary>
        public const string DeployedBy = "deployed_by";
        public const string DeprecatedAt = "deprecated_at";
        public const string SupersededBy = "superseded_by";
        public const string Ttl = VersionsTable.KeyNames.Ttl;

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

    /// <summary>Creates the table (on-demand billing) with its indexes, waits until it is active, and enables TTL on the schema's attribute.</summary>
    /// <exception cref="ExternalServiceException">DynamoDB refused or failed.</exception>
    /// <summary>The versions table the stacks create for <c>TRADAI_ENV</c> (default dev): <c>tradai-config-versions-dev</c>.</summary>
    /// <exception cref="ConfigValidationException">TRADAI_ENV is not dev, staging or prod.</exception>
    public static string DefaultTableNameFromEnvironment()
    {
        var environment = Environment.GetEnvironmentVariable("TRADAI_ENV") is { Length: > 0 } e ? e : "dev";
        return DeploymentEnvironments.TryParse(environment, out var env)
            ? ResourceNames.VersionsTable(env)
            : throw new ConfigValidationException("TRADAI_ENV", $"'{InputSanitizer.Sanitize(environment)}' is not an environment; expected one of {DeploymentEnvironments.Expected}");
    }

    public static async Task CreateAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.CreateTableAsync(CreateRequest(tableName), cancellationToken).ConfigureAwait(false);
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
        if (VersionsTable.Schema.TtlAttribute is not { } ttl)
        {
            return;
        }

        try
        {
            await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true },
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

    /// <summary>The CreateTable request for <see cref="VersionsTable.Schema"/>: on-demand billing, every index projecting all attributes.</summary>
    public static CreateTableRequest CreateRequest(string tableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        var schema = VersionsTable.Schema;
        static List<KeySchemaElement> Keys(KeyAttribute partition, KeyAttribute? sort) =>
            sort is null ? [new(partition.Name, KeyType.HASH)] : [new(partition.Name, KeyType.HASH), new(sort.Name, KeyType.RANGE)];
        static Projection All() => new() { ProjectionType = ProjectionType.ALL };
        return new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [.. schema.KeyAttributes.Select(k => new AttributeDefinition(k.Name, new ScalarAttributeType(k.TypeCode)))],
            KeySchema = Keys(schema.PartitionKey, schema.SortKey),
            GlobalSecondaryIndexes = schema.GlobalIndexes.Count == 0 ? null :
                [.. schema.GlobalIndexes.Select(i => new GlobalSecondaryIndex { IndexName = i.Name, KeySchema = Keys(i.PartitionKey, i.SortKey), Projection = All() })],
            LocalSecondaryIndexes = schema.LocalIndexes.Count == 0 ? null :
                [.. schema.LocalIndexes.Select(i => new LocalSecondaryIndex { IndexName = i.Name, KeySchema = Keys(schema.PartitionKey, i.SortKey), Projection = All() })],
        };
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
