using Amazon.DynamoDBv2;
using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Versioning;
using TradAI.Deployment.Tables;

namespace TradAI.Config.Aws.Tests.Versioning;

/// <summary>A deployment gets its versions table from the persistent stack; the store creates one only when asked (tests, emulators).</summary>
public sealed class MissingTableTests : IDisposable
{
    private readonly IAmazonDynamoDB _client = new AwsClientFactory(new AwsClientOptions
    {
        EndpointUrl = EmulatorEndpoints.DynamoDb,
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("x", "x"),
    }).CreateDynamoDB();

    private readonly string _table = "missing-" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_write_to_a_missing_table_fails_naming_it_and_creates_nothing()
    {
        var service = new ConfigVersionService(new DynamoDbConfigVersionRepository(_client, _table));

        var create = () => service.CreateAsync("s", StrategyContent.Valid(("x", 1L)), "a", Ct);
        var read = () => service.GetActiveAsync("s", Ct);

        foreach (var act in new Func<Task>[] { create, read })
        {
            var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
            error.Message.Should().Be($"DynamoDB table '{_table}' does not exist");
            error.ErrorCode.Should().Be(DynamoDbVersionTable.MissingTableErrorCode);
        }

        (await _client.ListTablesAsync(Ct)).TableNames.Should().NotContain(_table);
    }

    [Fact]
    public async Task When_asked_the_store_creates_the_table_from_the_one_schema()
    {
        var service = new ConfigVersionService(new DynamoDbConfigVersionRepository(_client, _table, createTableIfMissing: true));
        try
        {
            var created = await service.CreateAsync("s", StrategyContent.Valid(("x", 1L)), "a", Ct);
            var table = (await _client.DescribeTableAsync(_table, Ct)).Table;

            created.Version.ConfigId.Should().StartWith("v1-");
            table.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value))
                .Should().Equal(VersionsTable.Schema.KeyAttributes.Select(k => (k.Name, k.TypeCode)));
            table.LocalSecondaryIndexes.Select(i => i.IndexName).Should().Equal(VersionsTable.VersionNumberIndex);
            table.GlobalSecondaryIndexes.Select(i => i.IndexName).Should().BeEquivalentTo(VersionsTable.StatusIndex, VersionsTable.ConfigHashIndex);
        }
        finally
        {
            await _client.DeleteTableAsync(_table, Ct);
        }
    }
}
