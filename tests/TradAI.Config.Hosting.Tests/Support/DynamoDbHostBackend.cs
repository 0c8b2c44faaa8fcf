using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Registration;
using TradAI.Config.Testing;

namespace TradAI.Config.Hosting.Tests.Support;

/// <summary>
/// DynamoDB Local with a fresh versions table: the suite's shared emulator (<c>TRADAI_TEST_DYNAMODB_ENDPOINT</c>), or
/// — for outages — a private instance this backend starts, stops and restarts. The host's client counts its requests.
/// </summary>
public sealed class DynamoDbHostBackend : HostBackend
{
    private readonly DynamoDbLocalProcess? _private;
    private readonly IAmazonDynamoDB _testClient;
    private readonly IAmazonDynamoDB _hostClient;

    private DynamoDbHostBackend(string endpoint, DynamoDbLocalProcess? privateInstance)
    {
        Endpoint = endpoint;
        _private = privateInstance;
        var factory = new AwsClientFactory(new AwsClientOptions { EndpointUrl = endpoint, Region = "us-east-1", Credentials = new BasicAWSCredentials("x", "x") });
        _testClient = factory.CreateDynamoDB();
        _hostClient = Counter.CreateCountingClient(factory);
        Repository = new DynamoDbConfigVersionRepository(_testClient, TableName);
    }

    public string Endpoint { get; }

    public string TableName { get; } = "hosting-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Requests the host's client sent, by API.</summary>
    public DynamoDbRequestCounter Counter { get; } = new();

    public override IConfigVersionRepository Repository { get; }

    /// <summary>A table in the suite's shared emulator.</summary>
    public static Task<DynamoDbHostBackend> SharedAsync() => CreateAsync(EmulatorEndpoints.DynamoDb, null);

    /// <summary>A table in an emulator of this backend's own, which <see cref="BreakAsync"/> stops.</summary>
    public static async Task<DynamoDbHostBackend> PrivateAsync()
    {
        var instance = await DynamoDbLocalProcess.StartAsync();
        return await CreateAsync(instance.Endpoint, instance);
    }

    public override void Configure(TradaiConfigOptions options)
    {
        options.Backend = TradaiConfigOptions.AwsBackend;
        options.VersionsTable = TableName;
        options.Aws.EndpointUrl = Endpoint;
        options.Aws.Region = "us-east-1";
    }

    public override void Register(TradaiConfigBuilder builder) => builder.UseAws(o => o.DynamoDbClient = _ => _hostClient);

    public override Task BreakAsync() => (_private ?? throw new NotSupportedException("the shared emulator is never stopped")).StopAsync();

    public override Task RestoreAsync() => (_private ?? throw new NotSupportedException("the shared emulator is never stopped")).StartAgainAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_private is null)
        {
            try
            {
                await _testClient.DeleteTableAsync(TableName);
            }
            catch (AmazonServiceException)
            {
            }
        }
        else
        {
            await _private.DisposeAsync();
        }

        _testClient.Dispose();
        _hostClient.Dispose();
        await base.DisposeAsync();
    }

    private static async Task<DynamoDbHostBackend> CreateAsync(string endpoint, DynamoDbLocalProcess? instance)
    {
        var backend = new DynamoDbHostBackend(endpoint, instance);
        await DynamoDbVersionTable.CreateAsync(backend._testClient, backend.TableName);
        return backend;
    }
}
