using Amazon.DynamoDBv2;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Testing;

namespace TradAI.Config.Aws.Tests.Versioning;

/// <summary>A fresh versions table in DynamoDB Local for one test class, with a request-counting client; dropped afterwards.</summary>
public sealed class DynamoDbVersionTableFixture : IAsyncLifetime
{
    public DynamoDbRequestCounter Counter { get; } = new();

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public string TableName { get; } = "versions-" + Guid.NewGuid().ToString("N")[..12];

    public async ValueTask InitializeAsync()
    {
        var factory = new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.DynamoDb,
            Region = "us-east-1",
            Credentials = new Amazon.Runtime.BasicAWSCredentials("x", "x"),
        });
        Client = Counter.CreateCountingClient(factory);
        await DynamoDbVersionTable.CreateAsync(Client, TableName);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DeleteTableAsync(TableName);
        }
        finally
        {
            Client.Dispose();
        }
    }
}
