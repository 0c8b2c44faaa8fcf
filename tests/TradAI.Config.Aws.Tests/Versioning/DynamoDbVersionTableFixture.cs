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

    private AwsClientFactory Factory { get; } = new(new AwsClientOptions
    {
        EndpointUrl = EmulatorEndpoints.DynamoDb,
        Region = "us-east-1",
        Credentials = new Amazon.Runtime.BasicAWSCredentials("x", "x"),
    });

    public async ValueTask InitializeAsync()
    {
        Client = Counter.CreateCountingClient(Factory);
        await DynamoDbVersionTable.CreateAsync(Client, TableName);
    }

    /// <summary>Another client of the same emulator, for contention tests (see <see cref="InterferingDynamoDbClient"/>).</summary>
    public InterferingDynamoDbClient CreateInterferingClient()
    {
        var config = new AmazonDynamoDBConfig();
        Factory.Configure(config);
        return new InterferingDynamoDbClient(Factory.ResolveCredentials(), config);
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
