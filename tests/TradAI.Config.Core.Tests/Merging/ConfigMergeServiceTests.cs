using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Tree;
using TradAI.Config.Testing.Storage;

namespace TradAI.Config.Core.Tests.Merging;

public class ConfigMergeServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<InMemoryConfigRepository> StoreWith(string name, string yaml)
    {
        var store = new InMemoryConfigRepository();
        await store.UploadAsync(name, YamlConfigReader.ParseMapping(yaml), Ct);
        return store;
    }

    [Fact]
    public async Task Merge_configs_loads_merges_resolves_and_validates()
    {
        var store = await StoreWith("svc", "db: {host: h, port: 1}\nurl: '${db.host}:${db.port}'");
        var service = new ConfigMergeService(store, new ConfigMergeOptions { RequiredFields = ["db.host", "url"] });
        var merged = await service.MergeConfigsAsync("svc", YamlConfigReader.ParseMapping("db: {port: 2}"), ["+db.user=u"], Ct);
        Assert.Equal("h:2", merged["url"]);
        Assert.Equal("u", ((ConfigMapping)merged["db"]!)["user"]);
    }

    [Fact]
    public async Task Required_fields_missing_or_null_are_all_reported()
    {
        var store = await StoreWith("svc", "a: null\nb: {}");
        var service = new ConfigMergeService(store, new ConfigMergeOptions { RequiredFields = ["a", "b.c", "d"] });
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => service.MergeConfigsAsync("svc", cancellationToken: Ct));
        Assert.Equal(["a", "b.c", "d"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task Schema_problems_and_leftover_missing_values_are_reported_together()
    {
        var store = await StoreWith("s", "name: x\nversion: bad\ntimeframe: 1h\nexchange: e\nstake_currency: USD\npairs: ???");
        var service = new ConfigMergeService(store, new ConfigMergeOptions { Schema = StrategyConfigSchema.Instance });
        var ex = await Assert.ThrowsAsync<ConfigValidationException>(() => service.MergeConfigsAsync("s", cancellationToken: Ct));
        Assert.Equal(["pairs", "version"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task Struct_mode_rejects_unknown_override_keys()
    {
        var store = await StoreWith("s", "a: 1");
        var service = new ConfigMergeService(store, new ConfigMergeOptions { StructMode = true });
        await Assert.ThrowsAsync<ConfigValidationException>(() => service.MergeConfigsAsync("s", YamlConfigReader.ParseMapping("b: 2"), cancellationToken: Ct));
    }

    [Fact]
    public async Task Repository_is_created_lazily_and_once_under_concurrency()
    {
        var created = 0;
        var store = await StoreWith("s", "a: 1");
        var service = new ConfigMergeService(() =>
        {
            Interlocked.Increment(ref created);
            Thread.Sleep(50);
            return store;
        });
        Assert.Equal(0, created);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => service.MergeConfigsAsync("s", cancellationToken: Ct), Ct)));
        Assert.Equal(1, created);
    }

    [Fact]
    public async Task Environment_lookup_is_injectable_for_oc_env()
    {
        var store = await StoreWith("s", "v: ${oc.env:MY_VAR}");
        var service = new ConfigMergeService(store, new ConfigMergeOptions { Environment = k => k == "MY_VAR" ? "from-env" : null });
        Assert.Equal("from-env", (await service.MergeConfigsAsync("s", cancellationToken: Ct))["v"]);
    }
}
