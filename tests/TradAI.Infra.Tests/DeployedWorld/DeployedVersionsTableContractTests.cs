using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Infra.Tests.DeployedWorld;

/// <summary>
/// The shared version-store contract, unchanged, on the table the dev persistent stack deploys (created from its
/// template, not by the store): the store's reads and writes, the local index listings go through, the GSIs and the TTL.
/// </summary>
[Collection(DeployedVersionsTableCollection.Name)]
public sealed class DeployedVersionsTableContractTests(DeployedVersionsTable table)
    : ConfigVersionRepositoryContract(new DynamoDbConfigVersionRepository(table.Client, table.TableName))
{
    protected override IConfigVersionRepository CreateUnreachableRepository() =>
        new DynamoDbConfigVersionRepository(
            new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig
            {
                ServiceURL = "http://127.0.0.1:9",
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
                Timeout = TimeSpan.FromSeconds(3),
            }),
            DeployedVersionsTable.ExpectedName);
}
