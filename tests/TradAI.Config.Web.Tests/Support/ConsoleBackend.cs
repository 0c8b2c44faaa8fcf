using Amazon.DynamoDBv2;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Repositories;
using TradAI.Config.Local.Storage;
using TradAI.Config.Local.Versioning;
using TradAI.Config.Testing;
using TradAI.Config.Web.Hosting;

namespace TradAI.Config.Web.Tests.Support;

/// <summary>The real stores a console test runs on: a folder config store plus SQLite, or plus DynamoDB Local.</summary>
public abstract class ConsoleBackend : IAsyncDisposable
{
    protected ConsoleBackend()
    {
        Folder = Directory.CreateTempSubdirectory("tradai-console-").FullName;
        Configs = new LocalConfigRepository(Folder);
    }

    /// <summary>The config store's folder (configs as YAML files).</summary>
    public string Folder { get; }

    public IConfigRepository Configs { get; }

    public abstract Task<ConsoleStores> OpenAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a SQLite handle may still be closing; the temp folder is the OS's to clean
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteBackend : ConsoleBackend
{
    public override Task<ConsoleStores> OpenAsync() =>
        Task.FromResult(new ConsoleStores(SqliteConfigVersionRepository.ForStore(Folder), Configs, $"sqlite: {Folder}"));
}

public sealed class DynamoDbBackend : ConsoleBackend
{
    private IAmazonDynamoDB? _client;
    private readonly string _table = "console-" + Guid.NewGuid().ToString("N")[..12];

    public override async Task<ConsoleStores> OpenAsync()
    {
        _client = new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.DynamoDb,
            Region = "us-east-1",
            Credentials = new Amazon.Runtime.BasicAWSCredentials("x", "x"),
        }).CreateDynamoDB();
        await DynamoDbVersionTable.CreateAsync(_client, _table);
        return new ConsoleStores(new DynamoDbConfigVersionRepository(_client, _table), Configs, $"dynamodb: {_table}");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            try
            {
                await _client.DeleteTableAsync(_table);
            }
            finally
            {
                _client.Dispose();
            }
        }

        await base.DisposeAsync();
    }
}
