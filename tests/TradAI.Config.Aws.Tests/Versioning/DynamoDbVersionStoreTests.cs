using Amazon.DynamoDBv2.Model;
using AwesomeAssertions;
using TradAI.Config.Aws.Versioning;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Testing.Versioning;

namespace TradAI.Config.Aws.Tests.Versioning;

/// <summary>DynamoDB specifics: the table layout of the shared contract, the item attributes, and what each operation costs in requests.</summary>
public sealed class DynamoDbVersionStoreTests(DynamoDbVersionTableFixture table) : IClassFixture<DynamoDbVersionTableFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ConfigVersionService _service = new(new DynamoDbConfigVersionRepository(table.Client, table.TableName), new ManualTimeProvider());

    private static string NewStrategy() => "strat-" + Guid.NewGuid().ToString("N")[..12];

    private static ConfigMapping Config(int n) => YamlConfigReader.ParseMapping($"""
        name: momentum
        version: 1.0.0
        exchange: binance
        stake_currency: USDT
        strategy: Momentum
        timeframe: 5m
        pairs: [BTC/USDT, ETH/USDT]
        parameters: {"{"}n: {n}, ratio: 0.25, enabled: true, nothing: null{"}"}
        """, "config.yaml");

    [Fact]
    public async Task The_table_has_the_contract_keys_indexes_and_ttl()
    {
        var description = (await table.Client.DescribeTableAsync(table.TableName, Ct)).Table;
        var ttl = (await table.Client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table.TableName }, Ct)).TimeToLiveDescription;

        description.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)).Should().Equal(("strategy_name", "HASH"), ("config_id", "RANGE"));
        description.GlobalSecondaryIndexes.Select(i => i.IndexName).Should().BeEquivalentTo("status-index", "config_hash-index");
        description.GlobalSecondaryIndexes.Single(i => i.IndexName == "status-index").KeySchema.Select(k => k.AttributeName).Should().Equal("strategy_name", "status");
        description.GlobalSecondaryIndexes.Single(i => i.IndexName == "config_hash-index").KeySchema.Select(k => k.AttributeName).Should().Equal("config_hash");
        description.LocalSecondaryIndexes.Single().KeySchema.Select(k => k.AttributeName).Should().Equal("strategy_name", "version_number");
        ttl.AttributeName.Should().Be("ttl");
        ttl.TimeToLiveStatus.Value.Should().Be("ENABLED");
    }

    [Fact]
    public async Task Version_items_carry_exactly_the_contract_attributes()
    {
        var strategy = NewStrategy();
        var v1 = (await _service.CreateAsync(strategy, Config(1), "alice", Ct)).Version;
        var v2 = (await _service.CreateAsync(strategy, Config(2), "alice", Ct)).Version;
        await _service.ActivateAsync(strategy, v1.ConfigId, Ct);
        await _service.ActivateAsync(strategy, v2.ConfigId, Ct);

        var item = (await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.TableName,
            Key = new() { ["strategy_name"] = new() { S = strategy }, ["config_id"] = new() { S = v1.ConfigId } },
            ConsistentRead = true,
        }, Ct)).Item;

        item.Keys.Should().BeEquivalentTo(
            "strategy_name", "config_id", "config_hash", "config_data", "status", "version_number",
            "created_by", "created_at", "deployed_at", "deprecated_at", "superseded_by", "ttl");
        item["status"].S.Should().Be("deprecated");
        item["version_number"].N.Should().Be("1");
        item["superseded_by"].S.Should().Be(v2.ConfigId);
        item["ttl"].N.Should().Be(DateTimeOffset.Parse(item["deprecated_at"].S, System.Globalization.CultureInfo.InvariantCulture).AddDays(90).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        item["config_data"].M["parameters"].M["n"].N.Should().Be("1");
        item["config_data"].M["parameters"].M["nothing"].NULL.Should().BeTrue();
        item["config_data"].M["pairs"].L.Select(v => v.S).Should().Equal("BTC/USDT", "ETH/USDT");
    }

    [Fact]
    public async Task Whole_valued_floats_are_listed_beside_the_native_map_and_read_back_as_floats()
    {
        var strategy = NewStrategy();
        var content = Config(1)
            .With("parameters", ConfigMapping.Of(("bollinger_std", 2.0), ("window", 20L), ("a/b~c", ConfigSequence.Of(1L, 3.0))));
        var created = (await _service.CreateAsync(strategy, content, "alice", Ct)).Version;

        var item = (await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.TableName,
            Key = new() { ["strategy_name"] = new() { S = strategy }, ["config_id"] = new() { S = created.ConfigId } },
            ConsistentRead = true,
        }, Ct)).Item;

        item["config_data"].M["parameters"].M["bollinger_std"].N.Should().Be("2", "DynamoDB keeps the number, not its type");
        item["config_float_paths"].L.Select(v => v.S).Should().BeEquivalentTo("/parameters/bollinger_std", "/parameters/a~1b~0c/1");
        var read = await _service.GetAsync(strategy, created.ConfigId, Ct);
        var parameters = (ConfigMapping)read.ConfigData["parameters"]!;
        parameters["bollinger_std"].Should().BeOfType<double>();
        parameters["window"].Should().BeOfType<long>();
        ((ConfigSequence)parameters["a/b~c"]!)[1].Should().BeOfType<double>();
        ((ConfigSequence)parameters["a/b~c"]!)[0].Should().BeOfType<long>();
        ConfigHasher.Hash(read.ConfigData).Should().Be(created.ConfigHash);
    }

    [Fact]
    public async Task The_status_gsi_converges_on_what_the_table_holds_within_a_bound()
    {
        var strategy = NewStrategy();
        var v1 = (await _service.CreateAsync(strategy, Config(1), "alice", Ct)).Version;
        var v2 = (await _service.CreateAsync(strategy, Config(2), "alice", Ct)).Version;
        var v3 = (await _service.CreateAsync(strategy, Config(3), "alice", Ct)).Version;
        await _service.ActivateAsync(strategy, v1.ConfigId, Ct);
        await _service.ActivateAsync(strategy, v2.ConfigId, Ct);
        var expected = new Dictionary<string, string> { [v1.ConfigId] = "deprecated", [v2.ConfigId] = "active", [v3.ConfigId] = "draft" };

        // GSI reads are eventually consistent (AWS refuses ConsistentRead on a GSI; propagation usually takes well under a
        // second): poll until the index shows every version under its status — the one active version, nothing stale, not
        // the per-strategy state item — for at most 10 s.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var polls = 0;
        Dictionary<string, string> seen;
        do
        {
            polls++;
            seen = [];
            foreach (var status in new[] { "draft", "active", "deprecated" })
            {
                var response = await table.Client.QueryAsync(new QueryRequest
                {
                    TableName = table.TableName,
                    IndexName = DynamoDbVersionTable.StatusIndex,
                    KeyConditionExpression = "strategy_name = :s AND #status = :status",
                    ExpressionAttributeNames = new() { ["#status"] = "status" },
                    ExpressionAttributeValues = new() { [":s"] = new() { S = strategy }, [":status"] = new() { S = status } },
                }, Ct);
                foreach (var item in response.Items)
                {
                    seen[item["config_id"].S] = status;
                }
            }

            if (seen.Count == expected.Count && !seen.Except(expected).Any())
            {
                break;
            }

            await Task.Delay(100, Ct);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(10));

        TestContext.Current.TestOutputHelper?.WriteLine($"status-index: {polls} poll(s) in {clock.ElapsedMilliseconds} ms");
        seen.Should().BeEquivalentTo(expected, "within 10 s the index shows each version under its current status and nothing else");
    }

    [Fact]
    public async Task Each_operation_stays_within_its_request_budget()
    {
        var strategy = NewStrategy();
        var output = TestContext.Current.TestOutputHelper!;

        async Task<T> Measure<T>(string name, int budget, Func<Task<T>> operation)
        {
            table.Counter.Reset();
            var result = await operation();
            var snapshot = table.Counter.Snapshot();
            output.WriteLine($"{name}: {table.Counter.Total} request(s) [{string.Join(", ", snapshot.Select(kv => $"{kv.Key}×{kv.Value}"))}]");
            table.Counter.Total.Should().BeLessThanOrEqualTo(budget, name);
            return result;
        }

        var v1 = (await Measure("create (first version)", 2, () => _service.CreateAsync(strategy, Config(1), "a", Ct))).Version;
        var v2 = (await Measure("create", 2, () => _service.CreateAsync(strategy, Config(2), "a", Ct))).Version;
        await Measure("create (duplicate of a draft)", 2, () => _service.CreateAsync(strategy, Config(2), "a", Ct));
        await Measure("activate (none active before)", 2, () => _service.ActivateAsync(strategy, v1.ConfigId, Ct));
        await Measure("create (duplicate of the active version)", 1, () => _service.CreateAsync(strategy, Config(1), "a", Ct));
        await Measure("activate (deprecates the previous)", 2, () => _service.ActivateAsync(strategy, v2.ConfigId, Ct));
        var active = await Measure("get-active", 1, () => _service.GetActiveAsync(strategy, Ct));
        active.ConfigId.Should().Be(v2.ConfigId);
        await Measure("get", 1, () => _service.GetAsync(strategy, v1.ConfigId, Ct));
        await Measure("list (one page)", 1, () => _service.ListAsync(strategy, cancellationToken: Ct));
        await Measure("rollback (new version, activated)", 3, () => _service.RollbackAsync(strategy, v1.ConfigId, "a", Ct));
        var v4 = (await _service.CreateAsync(strategy, Config(4), "a", Ct)).Version;
        await Measure("deprecate", 2, () => _service.DeprecateAsync(strategy, v4.ConfigId, Ct));
        await Measure("diff", 2, () => _service.DiffAsync(strategy, v1.ConfigId, v2.ConfigId, Ct));
    }

    [Fact]
    public async Task Numbers_outside_dynamodb_range_are_a_validation_error_and_nothing_is_written()
    {
        var strategy = NewStrategy();

        var tiny = () => _service.CreateAsync(strategy, StrategyContent.Valid(("x", 5e-324)), "a", Ct);
        var huge = () => _service.CreateAsync(strategy, StrategyContent.Valid(("x", 1e200)), "a", Ct);

        (await tiny.Should().ThrowAsync<TradAI.Config.Core.Errors.ConfigValidationException>()).Which.Message.Should().Contain("DynamoDB");
        await huge.Should().ThrowAsync<TradAI.Config.Core.Errors.ConfigValidationException>();
        var list = () => _service.ListAsync(strategy, cancellationToken: Ct);
        await list.Should().ThrowAsync<TradAI.Config.Core.Errors.NotFoundException>();
    }

    [Fact]
    public async Task A_create_whose_transaction_loses_a_race_re_reads_retries_and_takes_the_next_number()
    {
        var strategy = NewStrategy();
        using var client = table.CreateInterferingClient();
        var service = new ConfigVersionService(new DynamoDbConfigVersionRepository(client, table.TableName), new ManualTimeProvider());
        ConfigVersion? competitor = null;

        // After our create has read the state (no version yet), another writer creates v1 before our transaction arrives.
        client.InterfereBeforeNextTransaction(async () => competitor = (await _service.CreateAsync(strategy, Config(2), "competitor", Ct)).Version);
        var ours = (await service.CreateAsync(strategy, Config(1), "us", Ct)).Version;

        competitor!.VersionNumber.Should().Be(1);
        ours.VersionNumber.Should().Be(2, "the retry re-read the state the competitor left");
        client.Transactions.Should().HaveCount(2);
        client.Transactions.First().Should().StartWith("cancelled: ").And.Contain("ConditionalCheckFailed", "the first attempt was planned on stale state and DynamoDB refused it");
        client.Transactions.Last().Should().Be("committed");
        await ConfigVersionInvariants.AssertAsync(_service, strategy, Ct);
    }

    [Fact]
    public async Task An_activation_whose_transaction_loses_a_race_retries_and_deprecates_the_version_that_won()
    {
        var strategy = NewStrategy();
        var v1 = (await _service.CreateAsync(strategy, Config(1), "a", Ct)).Version;
        var v2 = (await _service.CreateAsync(strategy, Config(2), "a", Ct)).Version;
        using var client = table.CreateInterferingClient();
        var service = new ConfigVersionService(new DynamoDbConfigVersionRepository(client, table.TableName), new ManualTimeProvider());

        // Our activation of v2 planned on "nothing active"; another writer activates v1 before the transaction arrives.
        client.InterfereBeforeNextTransaction(() => _service.ActivateAsync(strategy, v1.ConfigId, Ct));
        var write = await service.ActivateAsync(strategy, v2.ConfigId, Ct);

        write.Version.Status.Should().Be(ConfigVersionStatus.Active);
        write.Deprecated.Should().NotBeNull("the retry saw the competitor's active version and deprecated it in the same step");
        write.Deprecated!.ConfigId.Should().Be(v1.ConfigId);
        write.Deprecated.SupersededBy.Should().Be(v2.ConfigId);
        client.Transactions.Should().Equal(client.Transactions.First(), "committed");
        client.Transactions.First().Should().StartWith("cancelled: ").And.Contain("ConditionalCheckFailed");
        var all = await ConfigVersionInvariants.AssertAsync(_service, strategy, Ct);
        ConfigVersionInvariants.AssertSupersededChain(all, write.Version);
    }

    [Fact]
    public async Task Thirty_two_parallel_creates_and_activations_all_land_through_retries_and_report_their_cost()
    {
        var strategy = NewStrategy();
        var output = TestContext.Current.TestOutputHelper!;
        using var client = table.CreateInterferingClient();
        var service = new ConfigVersionService(new DynamoDbConfigVersionRepository(client, table.TableName), new ManualTimeProvider());

        var created = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => service.CreateAsync(strategy, Config(100 + i), "w", Ct), Ct)));
        var createTransactions = client.Transactions.ToList();
        client.Transactions.Clear();
        await Task.WhenAll(created.Select(c => Task.Run(() => service.ActivateAsync(strategy, c.Version.ConfigId, Ct), Ct)));
        var activateTransactions = client.Transactions.ToList();

        output.WriteLine($"32 parallel creates: {createTransactions.Count} transactions, {createTransactions.Count(t => t != "committed")} cancelled and retried");
        output.WriteLine($"32 parallel activations: {activateTransactions.Count} transactions, {activateTransactions.Count(t => t != "committed")} cancelled and retried");
        created.Select(c => c.Version.VersionNumber).Should().BeEquivalentTo(Enumerable.Range(1, 32));
        foreach (var transactions in new[] { createTransactions, activateTransactions })
        {
            transactions.Count(t => t == "committed").Should().Be(32, "each call commits exactly one transaction");
            transactions.Where(t => t != "committed").Should().NotBeEmpty("32 writers at once on one strategy collide")
                .And.OnlyContain(t => t.Contains("ConditionalCheckFailed") || t.Contains("TransactionConflict"), "only lost races are retried");
        }

        await ConfigVersionInvariants.AssertAsync(_service, strategy, Ct);
    }
}
