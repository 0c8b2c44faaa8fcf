using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Aws.Tests.Versioning;

/// <summary>The shared version-store contract against DynamoDB Local (one table for the class, one strategy per test).</summary>
public sealed class DynamoDbConfigVersionRepositoryTests(DynamoDbVersionTableFixture table)
    : ConfigVersionRepositoryContract(new DynamoDbConfigVersionRepository(table.Client, table.TableName)), IClassFixture<DynamoDbVersionTableFixture>
{
    protected override IConfigVersionRepository CreateUnreachableRepository()
    {
        // Nothing listens on the discard port; no SDK retries so the test stays fast.
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig
        {
            ServiceURL = "http://127.0.0.1:9",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(3),
        });
        return new DynamoDbConfigVersionRepository(client, table.TableName);
    }
}
