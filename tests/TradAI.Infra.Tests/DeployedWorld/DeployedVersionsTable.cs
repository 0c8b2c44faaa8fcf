using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TradAI.Config.Testing.Support;
using TradAI.Infra.Tests.Synthesis;

namespace TradAI.Infra.Tests.DeployedWorld;

/// <summary>
/// The dev persistent stack's versions table, taken from the synthesized template and created in a DynamoDB Local of
/// its own, which holds nothing else: what a fresh dev deployment gives the version store.
/// </summary>
public sealed class DeployedVersionsTable(SynthesizedApps apps) : IAsyncLifetime
{
    /// <summary>The name the dev stacks give the table (the oracle, written out: it is what must not drift).</summary>
    public const string ExpectedName = "tradai-config-versions-dev";

    private PrivateDynamoDbLocal? _server;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public string Endpoint => _server!.Endpoint;

    public string TableName { get; private set; } = null!;

    /// <summary>The table's properties exactly as the template writes them.</summary>
    public JsonElement TemplateProperties { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        TemplateProperties = apps.For("dev").Resources("Persistent", "AWS::DynamoDB::Table")
            .Single(t => t.Properties.GetProperty("TableName").GetString() == ExpectedName).Properties;
        TableName = ExpectedName;
        _server = await PrivateDynamoDbLocal.StartAsync(ct);
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("x", "x"), new AmazonDynamoDBConfig { ServiceURL = _server.Endpoint, AuthenticationRegion = "us-east-1" });
        await TemplateTable.CreateAsync(Client, TemplateProperties, ct);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
