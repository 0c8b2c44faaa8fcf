using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using TradAI.Deployment.Profiles;
using TradAI.Deployment.Tables;
using TradAI.Infra.Model;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace TradAI.Infra.Cdk.Stacks;

/// <summary>
/// Data that outlives redeployments: S3 buckets with the §8 lifecycle rules, DynamoDB tables (the config-versions
/// table exactly as the version store uses it), ECR repositories, PostgreSQL 15 with a rotated managed secret, and
/// the WebSocket secret key.
/// </summary>
public sealed class PersistentStack : Stack
{
    public PersistentStack(Construct scope, string id, InfraConfig config, FoundationStack foundation, IStackProps props)
        : base(scope, id, props)
    {
        var storage = config.Storage;
        var removal = storage.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        foreach (var bucket in storage.Buckets)
        {
            Buckets[bucket.Key] = new Bucket(this, CdkIds.Of(bucket.Key, "Bucket"), new BucketProps
            {
                BucketName = bucket.Name,
                Versioned = bucket.Versioned,
                Encryption = BucketEncryption.S3_MANAGED,
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                EnforceSSL = true,
                RemovalPolicy = removal,
                LifecycleRules = [.. bucket.Lifecycle.Select(rule => new Amazon.CDK.AWS.S3.LifecycleRule
                {
                    Id = rule.Id,
                    Enabled = true,
                    Transitions = rule.TransitionToGlacierAfterDays is int glacier
                        ? [new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(glacier) }]
                        : null,
                    Expiration = rule.ExpireAfterDays is int expire ? Duration.Days(expire) : null,
                })],
            });
        }

        foreach (var table in storage.Tables)
        {
            // Keys, indexes and TTL come from the one schema the version store also creates tables from; a local
            // index can only be added when a table is created, so it must be right in the first deployment.
            var schema = table.Schema;
            var created = new Table(this, CdkIds.Of(table.Key, "Table"), new TableProps
            {
                TableName = table.Name,
                PartitionKey = Key(schema.PartitionKey),
                SortKey = schema.SortKey is null ? null : Key(schema.SortKey),
                BillingMode = BillingMode.PAY_PER_REQUEST,
                TimeToLiveAttribute = schema.TtlAttribute,
                PointInTimeRecovery = table.PointInTimeRecovery,
                Encryption = TableEncryption.AWS_MANAGED,
                RemovalPolicy = removal,
            });
            foreach (var index in schema.GlobalIndexes)
            {
                created.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                {
                    IndexName = index.Name,
                    PartitionKey = Key(index.PartitionKey),
                    SortKey = index.SortKey is null ? null : Key(index.SortKey),
                    ProjectionType = ProjectionType.ALL,
                });
            }

            foreach (var index in schema.LocalIndexes)
            {
                created.AddLocalSecondaryIndex(new LocalSecondaryIndexProps
                {
                    IndexName = index.Name,
                    SortKey = Key(index.SortKey),
                    ProjectionType = ProjectionType.ALL,
                });
            }

            Tables[table.Key] = created;
        }

        var ecr = config.Ecr;
        var repos = ecr.ServiceRepositories.Select(r => (Kind: "Service", Repo: r))
            .Concat(ecr.LambdaRepositories.Select(r => (Kind: "Lambda", Repo: r)))
            .Concat(ecr.StrategyRepositories.Select(r => (Kind: "Strategy", Repo: r)));
        foreach (var (kind, repo) in repos)
        {
            var created = new Repository(this, kind + CdkIds.Of(repo.Key, "Repository"), new RepositoryProps
            {
                RepositoryName = repo.Name,
                ImageScanOnPush = repo.ScanOnPush,
                ImageTagMutability = TagMutability.MUTABLE,
                RemovalPolicy = removal,
                LifecycleRules = [new Amazon.CDK.AWS.ECR.LifecycleRule { MaxImageCount = repo.MaxImageCount, Description = $"Keep the last {repo.MaxImageCount} images" }],
            });
            Repositories[repo.Name] = created;
        }

        var rds = storage.Rds;
        Database = new DatabaseInstance(this, "Postgres", new DatabaseInstanceProps
        {
            InstanceIdentifier = rds.Identifier,
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps
            {
                Version = PostgresEngineVersion.Of(rds.EngineVersion, rds.EngineVersion.Split('.')[0]),
            }),
            InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(rds.InstanceClass.StartsWith("db.", StringComparison.Ordinal) ? rds.InstanceClass[3..] : rds.InstanceClass),
            AllocatedStorage = rds.AllocatedStorageGb,
            MultiAz = rds.MultiAz,
            BackupRetention = Duration.Days(rds.BackupRetentionDays),
            DatabaseName = rds.DatabaseName,
            Credentials = Credentials.FromGeneratedSecret(rds.MasterUsername, new CredentialsBaseOptions { SecretName = rds.CredentialsSecretName }),
            Vpc = foundation.Vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            SecurityGroups = [foundation.DatabaseSecurityGroup],
            StorageEncrypted = true,
            DeletionProtection = rds.DeletionProtection,
            RemovalPolicy = storage.RetainOnDelete ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
        });
        DatabaseSecret = Database.Secret!;

        // Secrets Manager rotates the master password on a schedule (SPEC §5.4) with its hosted single-user rotation.
        DatabaseSecret.AddRotationSchedule("Rotation", new RotationScheduleOptions
        {
            AutomaticallyAfter = Duration.Days(rds.PasswordRotationDays),
            HostedRotation = HostedRotation.PostgreSqlSingleUser(new SingleUserHostedRotationOptions
            {
                FunctionName = config.Environment.ResourceName("rds-rotation"),
                Vpc = foundation.Vpc,
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                SecurityGroups = [foundation.LambdaSecurityGroup],
            }),
        });

        var ws = config.Auth.WsSecret;
        WsSecret = ws.AutoGenerate
            ? new Secret(this, "WsSecretKey", new SecretProps
            {
                SecretName = ws.SecretName,
                Description = "WebSocket signing key (generated: dev only)",
                GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludePunctuation = true },
                RemovalPolicy = removal,
            })
            : Secret.FromSecretNameV2(this, "WsSecretKey", ws.SecretName);
    }

    public Dictionary<string, Bucket> Buckets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Table> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Repositories by their full name.</summary>
    public Dictionary<string, Repository> Repositories { get; } = new(StringComparer.Ordinal);

    public DatabaseInstance Database { get; }

    public ISecret DatabaseSecret { get; }

    /// <summary>Generated in dev; in staging and prod a reference to the secret an operator created.</summary>
    public ISecret WsSecret { get; }

    /// <summary>The secret a service profile names.</summary>
    public ISecret SecretFor(SecretKind kind) => kind switch
    {
        SecretKind.WebSocketKey => WsSecret,
        SecretKind.DatabaseCredentials => DatabaseSecret,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown secret"),
    };

    private static DynamoAttribute Key(KeyAttribute key) => new()
    {
        Name = key.Name,
        Type = key.Type == KeyAttributeType.Number ? AttributeType.NUMBER : AttributeType.STRING,
    };
}
