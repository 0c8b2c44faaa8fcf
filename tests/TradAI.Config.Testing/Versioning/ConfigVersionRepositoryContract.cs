using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;
using Xunit;

namespace TradAI.Config.Testing.Versioning;

/// <summary>
/// The one behaviour every <see cref="IConfigVersionRepository"/> must show, exercised through
/// <see cref="ConfigVersionService"/>: lifecycle transitions, content dedup, numbering, newest-first paging,
/// TTLs, typed errors that change nothing, and the invariants under concurrent writers.
/// Each test works on its own strategy name, so one store can serve a whole test class.
/// </summary>
public abstract partial class ConfigVersionRepositoryContract
{
    /// <summary>Writers per concurrency round.</summary>
    protected const int Parallelism = 32;

    /// <summary>Rounds per concurrency test: 3, or <c>TRADAI_VERSION_STRESS_ROUNDS</c> for a longer soak.</summary>
    protected static int Rounds { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("TRADAI_VERSION_STRESS_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 3;

    protected ConfigVersionRepositoryContract(IConfigVersionRepository repository)
    {
        Repository = repository;
        Service = new ConfigVersionService(repository, Clock);
    }

    protected ManualTimeProvider Clock { get; } = new();

    protected IConfigVersionRepository Repository { get; }

    protected ConfigVersionService Service { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A repository whose store cannot be reached (stopped server, unusable path).</summary>
    protected abstract IConfigVersionRepository CreateUnreachableRepository();

    protected static string NewStrategy() => "strat-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A valid strategy config (versions must validate) whose content differs by <paramref name="n"/>.</summary>
    protected static ConfigMapping Config(int n, string tag = "x") => StrategyContent.Valid(
        ("strategy", "Momentum"),
        ("tag", tag),
        ("parameters", ConfigMapping.Of(("n", (long)n), ("ratio", n / 8.0), ("pairs", ConfigSequence.Of("BTC/USDT", "ETH/USDT")))));

    private async Task<ConfigVersion> CreateDraftAsync(string strategy, int n) =>
        (await Service.CreateAsync(strategy, Config(n), "tester", Ct)).Version;

    private Task<List<ConfigVersion>> ListAllAsync(string strategy, ConfigVersionStatus? status = null, int pageSize = 100) =>
        ConfigVersionInvariants.ListAllAsync(Service, strategy, status, pageSize, Ct);

    // ---- create, numbering, dedup ----

    [Fact]
    public async Task Create_stores_a_draft_v1_with_every_field()
    {
        var strategy = NewStrategy();
        var data = Config(1);

        var write = await Service.CreateAsync(strategy, data, "alice", Ct);

        write.Created.Should().BeTrue();
        var v = write.Version;
        v.StrategyName.Should().Be(strategy);
        v.VersionNumber.Should().Be(1);
        v.ConfigHash.Should().Be(ConfigHasher.Hash(data));
        v.ConfigId.Should().Be("v1-" + v.ConfigHash[..8]);
        v.Status.Should().Be(ConfigVersionStatus.Draft);
        v.CreatedBy.Should().Be("alice");
        v.CreatedAt.Should().Be(Clock.GetUtcNow());
        v.DeployedAt.Should().BeNull();
        v.DeprecatedAt.Should().BeNull();
        v.SupersededBy.Should().BeNull();
        v.Ttl.Should().BeNull();
        ConfigValues.DeepEquals(v.ConfigData, data).Should().BeTrue();

        var read = await Service.GetAsync(strategy, v.ConfigId, Ct);
        read.Should().Be(v);
    }

    [Fact]
    public async Task Every_kind_of_config_value_round_trips_with_the_same_hash()
    {
        var strategy = NewStrategy();
        var data = Config(0).With("kinds", ConfigMapping.Of(
            ("empty_map", ConfigMapping.Empty),
            ("empty_list", ConfigSequence.Empty),
            ("empty_string", string.Empty),
            ("null", null),
            ("flags", ConfigSequence.Of(true, false)),
            ("numbers", ConfigSequence.Of(0L, -7L, JsonCanonicalizer.MaxSafeInteger, 0.1, -2.5e-9, 1e30, 123456789.125)),
            ("unicode \u00e9\u20ac\ud83d\ude02", "line\nbreak \"quoted\" tab\t \u0001"),
            ("nested", ConfigMapping.Of(("list", ConfigSequence.Of(ConfigMapping.Of(("a", 1L)), ConfigSequence.Of("x"))))),
            (7L, "integer key"),
            ("whole_float", 2.0),
            ("negative_whole_float", -3.0),
            ("big_whole_float", 1e20)));

        var created = (await Service.CreateAsync(strategy, data, "t", Ct)).Version;
        var read = await Service.GetAsync(strategy, created.ConfigId, Ct);

        created.ConfigHash.Should().Be(ConfigHasher.Hash(data));
        ConfigHasher.Hash(read.ConfigData).Should().Be(created.ConfigHash);
        JsonCanonicalizer.Canonicalize(read.ConfigData).Should().Be(JsonCanonicalizer.Canonicalize(data));
        read.Should().Be(created);
        var kinds = (ConfigMapping)read.ConfigData["kinds"]!;
        kinds["7"].Should().Be("integer key", "keys are JSON's strings");
        kinds["whole_float"].Should().BeOfType<double>().Which.Should().Be(2.0);
        kinds["negative_whole_float"].Should().BeOfType<double>().Which.Should().Be(-3.0);
        kinds["big_whole_float"].Should().BeOfType<double>().Which.Should().Be(1e20);
        ((ConfigSequence)kinds["numbers"]!)[0].Should().BeOfType<long>();
    }

    [Fact]
    public async Task Version_numbers_are_sequential_per_strategy_from_one()
    {
        var a = NewStrategy();
        var b = NewStrategy();

        var numbers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await CreateDraftAsync(a, i)).VersionNumber);
        }

        numbers.Should().Equal(1, 2, 3);
        (await CreateDraftAsync(b, 99)).VersionNumber.Should().Be(1);
    }

    [Fact]
    public async Task Creating_the_same_content_again_returns_the_existing_draft()
    {
        var strategy = NewStrategy();
        var first = await Service.CreateAsync(strategy, Config(1), "alice", Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));

        // Same content, other key order: same canonical JSON, same version.
        var reordered = ConfigMapping.Of(
            ("parameters", ConfigMapping.Of(("pairs", ConfigSequence.Of("BTC/USDT", "ETH/USDT")), ("ratio", 0.125), ("n", 1L))),
            ("tag", "x"),
            ("timeframe", "5m"),
            ("strategy", "Momentum"),
            ("pairs", ConfigSequence.Of("BTC/USDT", "ETH/USDT")),
            ("stake_currency", "USDT"),
            ("exchange", "binance"),
            ("version", "1.0.0"),
            ("name", "momentum"));
        var second = await Service.CreateAsync(strategy, reordered, "bob", Ct);

        second.Created.Should().BeFalse();
        second.Version.Should().Be(first.Version);
        (await ListAllAsync(strategy)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_float_and_an_integer_of_the_same_value_are_two_versions_and_each_reads_back_its_type()
    {
        var strategy = NewStrategy();
        var asFloat = (await Service.CreateAsync(strategy, Config(1).With("bollinger_std", 2.0), "t", Ct)).Version;
        var asInt = await Service.CreateAsync(strategy, Config(1).With("bollinger_std", 2L), "t", Ct);

        asInt.Created.Should().BeTrue("Python and .NET consumers read 2.0 and 2 differently");
        asInt.Version.ConfigHash.Should().NotBe(asFloat.ConfigHash);
        (await Service.GetAsync(strategy, asFloat.ConfigId, Ct)).ConfigData["bollinger_std"].Should().BeOfType<double>();
        (await Service.GetAsync(strategy, asInt.Version.ConfigId, Ct)).ConfigData["bollinger_std"].Should().BeOfType<long>();
    }

    [Fact]
    public async Task Invalid_content_never_becomes_a_version()
    {
        var strategy = NewStrategy();
        var template = Config(1).With("name", MissingValue.Instance);
        var empty = ConfigMapping.Of(("parameters", ConfigMapping.Empty));

        var missing = (await ((Func<Task>)(() => Service.CreateAsync(strategy, template, "t", Ct))).Should().ThrowAsync<ConfigValidationException>()).Which;
        missing.Problems.Should().ContainSingle(p => p.Path == "name");
        var bare = (await ((Func<Task>)(() => Service.CreateAsync(strategy, empty, "t", Ct))).Should().ThrowAsync<ConfigValidationException>()).Which;
        bare.Problems.Select(p => p.Path).Should().Contain(["name", "version", "timeframe", "pairs"]);

        var list = () => Service.ListAsync(strategy, null, 10, null, Ct);
        await list.Should().ThrowAsync<NotFoundException>("nothing was stored");
    }

    [Fact]
    public async Task Content_is_validated_with_its_interpolations_resolved()
    {
        var strategy = NewStrategy();
        var ok = Config(1).With("base_tf", "15m").With("timeframe", "${base_tf}");
        var bad = Config(2).With("base_tf", "15 minutes").With("timeframe", "${base_tf}");

        var created = (await Service.CreateAsync(strategy, ok, "t", Ct)).Version;
        created.ConfigData["timeframe"].Should().Be("${base_tf}", "interpolations stay in the stored content");
        var error = (await ((Func<Task>)(() => Service.CreateAsync(strategy, bad, "t", Ct))).Should().ThrowAsync<ConfigValidationException>()).Which;
        error.Problems.Should().ContainSingle(p => p.Path == "timeframe");
    }

    [Fact]
    public async Task A_draft_that_no_longer_validates_is_not_activated_and_nothing_changes()
    {
        var strategy = NewStrategy();
        var active = (await Service.CreateAsync(strategy, Config(1), "t", Ct)).Version;
        await Service.ActivateAsync(strategy, active.ConfigId, Ct);
        var draft = (await Service.CreateAsync(strategy, Config(2), "t", Ct)).Version;

        // The same store, judged by a stricter schema (as after a schema change): the draft must not go live.
        var strict = new ConfigVersionService(Repository, Clock, new RejectEverything());
        var error = (await ((Func<Task>)(() => strict.ActivateAsync(strategy, draft.ConfigId, Ct))).Should().ThrowAsync<ConfigValidationException>()).Which;
        error.Message.Should().Contain(draft.ConfigId);
        var rollback = () => strict.RollbackAsync(strategy, active.ConfigId, "t", Ct);
        await rollback.Should().ThrowAsync<ConfigValidationException>();

        (await Service.GetActiveAsync(strategy, Ct)).ConfigId.Should().Be(active.ConfigId);
        (await Service.GetAsync(strategy, draft.ConfigId, Ct)).Status.Should().Be(ConfigVersionStatus.Draft);
        (await ListAllAsync(strategy)).Should().HaveCount(2);
    }

    private sealed class RejectEverything : TradAI.Config.Core.Validation.IConfigSchema
    {
        public IReadOnlyList<ValidationProblem> Validate(ConfigMapping config) => [new("parameters", "rejected by the new schema")];
    }

    [Fact]
    public async Task Creating_the_content_of_the_active_version_returns_it()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);

        var again = await Service.CreateAsync(strategy, Config(1), "bob", Ct);

        again.Created.Should().BeFalse();
        again.Version.ConfigId.Should().Be(v1.ConfigId);
        again.Version.Status.Should().Be(ConfigVersionStatus.Active);
    }

    [Fact]
    public async Task Content_of_a_deprecated_version_gets_a_new_version()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        await Service.DeprecateAsync(strategy, v1.ConfigId, Ct);

        var again = await Service.CreateAsync(strategy, Config(1), "bob", Ct);

        again.Created.Should().BeTrue();
        again.Version.VersionNumber.Should().Be(2);
        again.Version.ConfigHash.Should().Be(v1.ConfigHash);
        again.Version.ConfigId.Should().Be("v2-" + v1.ConfigHash[..8]);
    }

    // ---- lifecycle ----

    [Fact]
    public async Task Activating_a_draft_sets_deployed_at_and_makes_it_the_active_version()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var write = await Service.ActivateAsync(strategy, v1.ConfigId, Ct);

        write.Version.Status.Should().Be(ConfigVersionStatus.Active);
        write.Version.DeployedAt.Should().Be(Clock.GetUtcNow());
        write.Deprecated.Should().BeNull();
        (await Service.GetActiveAsync(strategy, Ct)).Should().Be(write.Version);
        (await Service.GetAsync(strategy, v1.ConfigId, Ct)).Should().Be(write.Version);
    }

    [Fact]
    public async Task Activating_a_second_version_deprecates_the_first_with_superseded_by_and_a_90_day_ttl()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        var v2 = await CreateDraftAsync(strategy, 2);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        Clock.Advance(TimeSpan.FromHours(3));
        var at = Clock.GetUtcNow();

        var write = await Service.ActivateAsync(strategy, v2.ConfigId, Ct);

        write.Version.ConfigId.Should().Be(v2.ConfigId);
        var old = write.Deprecated!;
        old.ConfigId.Should().Be(v1.ConfigId);
        old.Status.Should().Be(ConfigVersionStatus.Deprecated);
        old.DeprecatedAt.Should().Be(at);
        old.SupersededBy.Should().Be(v2.ConfigId);
        old.Ttl.Should().Be(at.AddDays(90).ToUnixTimeSeconds());
        (await Service.GetAsync(strategy, v1.ConfigId, Ct)).Should().Be(old);
        (await Service.GetActiveAsync(strategy, Ct)).ConfigId.Should().Be(v2.ConfigId);
        (await ListAllAsync(strategy, ConfigVersionStatus.Active)).Should().ContainSingle();
    }

    [Fact]
    public async Task Explicit_deprecate_of_a_draft_sets_deprecated_at_and_ttl_without_successor()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        Clock.Advance(TimeSpan.FromDays(1));

        var deprecated = await Service.DeprecateAsync(strategy, v1.ConfigId, Ct);

        deprecated.Status.Should().Be(ConfigVersionStatus.Deprecated);
        deprecated.DeprecatedAt.Should().Be(Clock.GetUtcNow());
        deprecated.SupersededBy.Should().BeNull();
        deprecated.Ttl.Should().Be(Clock.GetUtcNow().AddDays(90).ToUnixTimeSeconds());
        deprecated.DeployedAt.Should().BeNull();
        (await Service.GetAsync(strategy, v1.ConfigId, Ct)).Should().Be(deprecated);
    }

    [Fact]
    public async Task Deprecating_the_active_version_leaves_no_active_version()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);

        var deprecated = await Service.DeprecateAsync(strategy, v1.ConfigId, Ct);

        deprecated.DeployedAt.Should().NotBeNull();
        deprecated.SupersededBy.Should().BeNull();
        (await Service.TryGetActiveAsync(strategy, Ct)).Should().BeNull();
        var act = () => Service.GetActiveAsync(strategy, Ct);
        await act.Should().ThrowAsync<NotFoundException>();

        // A new draft can be activated afterwards, with no predecessor to deprecate.
        var v2 = await CreateDraftAsync(strategy, 2);
        (await Service.ActivateAsync(strategy, v2.ConfigId, Ct)).Deprecated.Should().BeNull();
    }

    [Fact]
    public async Task Illegal_transitions_are_conflicts_that_change_nothing()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        var v2 = await CreateDraftAsync(strategy, 2);
        var active = (await Service.ActivateAsync(strategy, v1.ConfigId, Ct)).Version;
        var deprecated = await Service.DeprecateAsync(strategy, v2.ConfigId, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var activateActive = () => Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        var activateDeprecated = () => Service.ActivateAsync(strategy, v2.ConfigId, Ct);
        var deprecateDeprecated = () => Service.DeprecateAsync(strategy, v2.ConfigId, Ct);

        await activateActive.Should().ThrowAsync<ConflictException>();
        await activateDeprecated.Should().ThrowAsync<ConflictException>();
        await deprecateDeprecated.Should().ThrowAsync<ConflictException>();
        (await Service.GetAsync(strategy, v1.ConfigId, Ct)).Should().Be(active);
        (await Service.GetAsync(strategy, v2.ConfigId, Ct)).Should().Be(deprecated);
        (await Service.GetActiveAsync(strategy, Ct)).Should().Be(active);
    }

    // ---- reads, ordering, paging ----

    [Fact]
    public async Task Unknown_strategies_and_ids_are_not_found_and_malformed_ids_are_invalid()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);

        var unknownStrategy = () => Service.GetAsync(NewStrategy(), v1.ConfigId, Ct);
        var unknownId = () => Service.GetAsync(strategy, "v2-" + v1.ConfigHash[..8], Ct);
        var activateUnknown = () => Service.ActivateAsync(strategy, "v9-00000000", Ct);
        var deprecateUnknown = () => Service.DeprecateAsync(strategy, "v9-00000000", Ct);
        var rollbackUnknown = () => Service.RollbackAsync(strategy, "v9-00000000", "ops", Ct);
        var malformed = () => Service.GetAsync(strategy, "latest", Ct);
        var noActive = () => Service.GetActiveAsync(NewStrategy(), Ct);

        await unknownStrategy.Should().ThrowAsync<NotFoundException>();
        await unknownId.Should().ThrowAsync<NotFoundException>();
        await activateUnknown.Should().ThrowAsync<NotFoundException>();
        await deprecateUnknown.Should().ThrowAsync<NotFoundException>();
        await rollbackUnknown.Should().ThrowAsync<NotFoundException>();
        await malformed.Should().ThrowAsync<ConfigValidationException>();
        await noActive.Should().ThrowAsync<NotFoundException>();
        (await ListAllAsync(strategy)).Should().ContainSingle().Which.Should().Be(v1);
    }

    [Fact]
    public async Task Listing_is_newest_first_by_version_number_past_ten_versions()
    {
        var strategy = NewStrategy();
        for (var i = 1; i <= 12; i++)
        {
            await CreateDraftAsync(strategy, i);
        }

        var all = await ListAllAsync(strategy);

        all.Select(v => v.VersionNumber).Should().Equal(Enumerable.Range(1, 12).Reverse());
        all[2].ConfigId.Should().StartWith("v10-");
        all[3].ConfigId.Should().StartWith("v9-");
    }

    [Fact]
    public async Task Listing_pages_with_a_continuation_token_without_gaps_or_repeats()
    {
        var strategy = NewStrategy();
        for (var i = 1; i <= 12; i++)
        {
            await CreateDraftAsync(strategy, i);
        }

        var first = await Service.ListAsync(strategy, null, 5, null, Ct);
        var second = await Service.ListAsync(strategy, null, 5, first.ContinuationToken, Ct);
        var third = await Service.ListAsync(strategy, null, 5, second.ContinuationToken, Ct);

        first.Items.Select(v => v.VersionNumber).Should().Equal(12, 11, 10, 9, 8);
        second.Items.Select(v => v.VersionNumber).Should().Equal(7, 6, 5, 4, 3);
        third.Items.Select(v => v.VersionNumber).Should().Equal(2, 1);
        first.ContinuationToken.Should().NotBeNull();
        second.ContinuationToken.Should().NotBeNull();
        third.ContinuationToken.Should().BeNull();

        var exact = await Service.ListAsync(strategy, null, 12, null, Ct);
        exact.Items.Should().HaveCount(12);
        exact.ContinuationToken.Should().BeNull();
    }

    [Fact]
    public async Task Listing_filters_by_status_and_pages_within_the_filter()
    {
        var strategy = NewStrategy();
        var versions = new List<ConfigVersion>();
        for (var i = 1; i <= 11; i++)
        {
            versions.Add(await CreateDraftAsync(strategy, i));
        }

        foreach (var n in new[] { 2, 4, 6, 8, 10 })
        {
            await Service.DeprecateAsync(strategy, versions[n - 1].ConfigId, Ct);
        }

        await Service.ActivateAsync(strategy, versions[10].ConfigId, Ct);

        (await ListAllAsync(strategy, ConfigVersionStatus.Deprecated, pageSize: 2)).Select(v => v.VersionNumber).Should().Equal(10, 8, 6, 4, 2);
        (await ListAllAsync(strategy, ConfigVersionStatus.Draft, pageSize: 3)).Select(v => v.VersionNumber).Should().Equal(9, 7, 5, 3, 1);
        (await ListAllAsync(strategy, ConfigVersionStatus.Active)).Select(v => v.VersionNumber).Should().Equal(11);
        (await ListAllAsync(strategy, ConfigVersionStatus.Active, pageSize: 1)).Should().ContainSingle();
        var unknown = () => Service.ListAsync(NewStrategy(), null, 10, null, Ct);
        await unknown.Should().ThrowAsync<NotFoundException>();

        // A filter that matches nothing is an empty page, not an error.
        var other = NewStrategy();
        await CreateDraftAsync(other, 1);
        (await Service.ListAsync(other, ConfigVersionStatus.Deprecated, 10, null, Ct)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_valid_continuation_token_of_another_listing_or_store_is_refused_and_still_pages_its_own()
    {
        var strategy = NewStrategy();
        var other = NewStrategy();
        for (var i = 1; i <= 6; i++)
        {
            await CreateDraftAsync(strategy, i);
            await CreateDraftAsync(other, i);
        }

        var token = (await Service.ListAsync(strategy, null, 2, null, Ct)).ContinuationToken!;
        var draftsToken = (await Service.ListAsync(strategy, ConfigVersionStatus.Draft, 2, null, Ct)).ContinuationToken!;
        var otherToken = (await Service.ListAsync(other, null, 2, null, Ct)).ContinuationToken!;

        // Each is a real token, valid where it came from: resuming another listing with it would skip or repeat versions silently.
        async Task RefusedAsync(string because, Func<Task> list) =>
            (await list.Should().ThrowAsync<ConfigValidationException>(because)).Which.Problems.Should().ContainSingle().Which.Path.Should().Be("continuation_token");
        await RefusedAsync("it belongs to another strategy", () => Service.ListAsync(other, null, 2, token, Ct));
        await RefusedAsync("it belongs to another strategy", () => Service.ListAsync(strategy, null, 2, otherToken, Ct));
        await RefusedAsync("it belongs to the unfiltered listing", () => Service.ListAsync(strategy, ConfigVersionStatus.Draft, 2, token, Ct));
        await RefusedAsync("it belongs to the drafts listing", () => Service.ListAsync(strategy, null, 2, draftsToken, Ct));
        await RefusedAsync("it is another store's token for this very listing", () => Service.ListAsync(strategy, null, 2, VersionPageToken.Make("other-store1:", strategy, null, 5), Ct));
        await RefusedAsync("it is garbled", () => Service.ListAsync(strategy, null, 5, "not-a-token", Ct));
        await RefusedAsync("it is cut short", () => Service.ListAsync(strategy, null, 2, token[..^4], Ct));

        // Refusals change nothing: each token still resumes its own listing.
        (await Service.ListAsync(strategy, null, 2, token, Ct)).Items.Select(v => v.VersionNumber).Should().Equal(4, 3);
        (await Service.ListAsync(other, null, 2, otherToken, Ct)).Items.Select(v => v.VersionNumber).Should().Equal(4, 3);
        (await Service.ListAsync(strategy, ConfigVersionStatus.Draft, 2, draftsToken, Ct)).Items.Select(v => v.VersionNumber).Should().Equal(4, 3);
    }

    [Fact]
    public async Task A_page_size_outside_1_to_1000_is_a_validation_error()
    {
        var strategy = NewStrategy();
        await CreateDraftAsync(strategy, 1);

        var zero = () => Service.ListAsync(strategy, null, 0, null, Ct);
        var tooMany = () => Service.ListAsync(strategy, null, ConfigVersionService.MaxPageSize + 1, null, Ct);

        (await zero.Should().ThrowAsync<ConfigValidationException>()).Which.Problems.Should().ContainSingle().Which.Path.Should().Be("limit");
        await tooMany.Should().ThrowAsync<ConfigValidationException>();
        (await Service.ListAsync(strategy, null, ConfigVersionService.MaxPageSize, null, Ct)).Items.Should().ContainSingle();
    }

    // ---- rollback and diff ----

    [Fact]
    public async Task Rollback_creates_a_new_active_version_with_the_old_content()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        var v2 = await CreateDraftAsync(strategy, 2);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        await Service.ActivateAsync(strategy, v2.ConfigId, Ct);
        Clock.Advance(TimeSpan.FromMinutes(10));

        var write = await Service.RollbackAsync(strategy, v1.ConfigId, "ops", Ct);

        write.Created.Should().BeTrue();
        var v3 = write.Version;
        v3.VersionNumber.Should().Be(3);
        v3.ConfigHash.Should().Be(v1.ConfigHash);
        ConfigValues.DeepEquals(v3.ConfigData, v1.ConfigData).Should().BeTrue();
        v3.Status.Should().Be(ConfigVersionStatus.Active);
        v3.CreatedBy.Should().Be("ops");
        v3.DeployedAt.Should().Be(Clock.GetUtcNow());
        write.Deprecated!.ConfigId.Should().Be(v2.ConfigId);
        write.Deprecated.SupersededBy.Should().Be(v3.ConfigId);
        (await Service.GetActiveAsync(strategy, Ct)).Should().Be(v3);
        (await Service.GetAsync(strategy, v2.ConfigId, Ct)).Status.Should().Be(ConfigVersionStatus.Deprecated);
    }

    [Fact]
    public async Task Rollback_to_content_held_by_a_draft_activates_that_draft_and_to_the_active_content_changes_nothing()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        var v2 = await CreateDraftAsync(strategy, 2);

        var toDraft = await Service.RollbackAsync(strategy, v2.ConfigId, "ops", Ct);

        toDraft.Created.Should().BeFalse();
        toDraft.Version.ConfigId.Should().Be(v2.ConfigId);
        toDraft.Version.Status.Should().Be(ConfigVersionStatus.Active);
        toDraft.Deprecated!.ConfigId.Should().Be(v1.ConfigId);

        var toActive = await Service.RollbackAsync(strategy, v2.ConfigId, "ops", Ct);
        toActive.Created.Should().BeFalse();
        toActive.Deprecated.Should().BeNull();
        toActive.Version.Should().Be(toDraft.Version);
        (await ListAllAsync(strategy)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Diff_reports_the_paths_that_differ_between_two_versions()
    {
        var strategy = NewStrategy();
        var v1 = (await Service.CreateAsync(strategy, Config(1), "t", Ct)).Version;
        var v2 = (await Service.CreateAsync(strategy, Config(1).With("timeframe", "1h").Without("tag").With("extra", true), "t", Ct)).Version;

        var diff = await Service.DiffAsync(strategy, v1.ConfigId, v2.ConfigId, Ct);

        diff.FromConfigId.Should().Be(v1.ConfigId);
        diff.Entries.Select(e => (e.Path, e.Kind)).Should().BeEquivalentTo(new[]
        {
            ("timeframe", ConfigDiffKind.Changed),
            ("tag", ConfigDiffKind.Removed),
            ("extra", ConfigDiffKind.Added),
        });
        (await Service.DiffAsync(strategy, v1.ConfigId, v1.ConfigId, Ct)).IsEmpty.Should().BeTrue();
    }

    // ---- conditional changes (If-Match) and the strategy overview ----

    [Fact]
    public async Task A_conditional_activation_goes_ahead_when_the_expected_version_is_active()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        var v2 = await CreateDraftAsync(strategy, 2);

        var first = await Service.ActivateAsync(strategy, v1.ConfigId, ActivePrecondition.NoneActive, Ct);
        var second = await Service.ActivateAsync(strategy, v2.ConfigId, ActivePrecondition.Active(v1.ConfigId), Ct);

        first.Version.ConfigId.Should().Be(v1.ConfigId);
        second.Deprecated!.ConfigId.Should().Be(v1.ConfigId);
        (await Service.GetActiveAsync(strategy, Ct)).ConfigId.Should().Be(v2.ConfigId);
    }

    [Fact]
    public async Task A_conditional_activation_against_a_stale_expectation_fails_and_changes_nothing()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        var v2 = await CreateDraftAsync(strategy, 2);
        var v3 = await CreateDraftAsync(strategy, 3);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        await Service.ActivateAsync(strategy, v2.ConfigId, Ct);

        var stale = () => Service.ActivateAsync(strategy, v3.ConfigId, ActivePrecondition.Active(v1.ConfigId), Ct);
        var noneExpected = () => Service.ActivateAsync(strategy, v3.ConfigId, ActivePrecondition.NoneActive, Ct);

        (await stale.Should().ThrowAsync<PreconditionFailedException>()).Which.Message.Should().Contain(v1.ConfigId).And.Contain(v2.ConfigId);
        await noneExpected.Should().ThrowAsync<PreconditionFailedException>();
        (await Service.GetActiveAsync(strategy, Ct)).ConfigId.Should().Be(v2.ConfigId);
        (await Service.GetAsync(strategy, v3.ConfigId, Ct)).Status.Should().Be(ConfigVersionStatus.Draft);
    }

    [Fact]
    public async Task The_precondition_is_judged_before_the_transition_rules()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);

        // The loser of a race to activate v1 from "none active" sees v1 active: a failed precondition, not an illegal transition.
        var again = () => Service.ActivateAsync(strategy, v1.ConfigId, ActivePrecondition.NoneActive, Ct);
        var unknown = () => Service.ActivateAsync(strategy, "v9-00000000", ActivePrecondition.NoneActive, Ct);

        await again.Should().ThrowAsync<PreconditionFailedException>();
        await unknown.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Parallel_conditional_activations_expecting_the_same_active_version_let_exactly_one_through()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var strategy = NewStrategy();
            var seed = await CreateDraftAsync(strategy, 0);
            await Service.ActivateAsync(strategy, seed.ConfigId, Ct);
            var drafts = new List<ConfigVersion>();
            for (var i = 1; i <= Parallelism / 2; i++)
            {
                drafts.Add(await CreateDraftAsync(strategy, i));
            }

            // Every writer saw the seed active; half of them race for the same draft, half for drafts of their own.
            var expected = ActivePrecondition.Active(seed.ConfigId);
            var targets = drafts.Concat(Enumerable.Repeat(drafts[0], Parallelism / 2)).ToList();
            async Task<(ConfigVersionWrite? Write, Exception? Error)> Attempt(ConfigVersion draft)
            {
                try
                {
                    return (await Service.ActivateAsync(strategy, draft.ConfigId, expected, Ct), null);
                }
                catch (PreconditionFailedException ex)
                {
                    return (null, ex);
                }
            }

            var outcomes = await Task.WhenAll(targets.Select(d => Task.Run(() => Attempt(d), Ct)));

            var winner = outcomes.Should().ContainSingle(o => o.Write != null).Which.Write!;
            outcomes.Count(o => o.Error is PreconditionFailedException).Should().Be(Parallelism - 1);
            winner.Deprecated!.ConfigId.Should().Be(seed.ConfigId);
            (await Service.GetActiveAsync(strategy, Ct)).ConfigId.Should().Be(winner.Version.ConfigId);
            await ConfigVersionInvariants.AssertAsync(Service, strategy, Ct);
        }
    }

    [Fact]
    public async Task A_conditional_rollback_checks_the_active_version_in_the_same_step()
    {
        var strategy = NewStrategy();
        var v1 = await CreateDraftAsync(strategy, 1);
        var v2 = await CreateDraftAsync(strategy, 2);
        await Service.ActivateAsync(strategy, v1.ConfigId, Ct);
        await Service.ActivateAsync(strategy, v2.ConfigId, Ct);

        var stale = () => Service.RollbackAsync(strategy, v1.ConfigId, "ops", ActivePrecondition.Active(v1.ConfigId), Ct);
        await stale.Should().ThrowAsync<PreconditionFailedException>();
        (await ListAllAsync(strategy)).Should().HaveCount(2, "a refused rollback creates nothing");

        var write = await Service.RollbackAsync(strategy, v1.ConfigId, "ops", ActivePrecondition.Active(v2.ConfigId), Ct);
        write.Created.Should().BeTrue();
        write.Version.VersionNumber.Should().Be(3);
        write.Deprecated!.ConfigId.Should().Be(v2.ConfigId);
    }

    [Fact]
    public async Task Listing_strategies_gives_each_one_with_its_active_version_and_counts()
    {
        var busy = NewStrategy();
        var quiet = NewStrategy();
        var v1 = await CreateDraftAsync(busy, 1);
        await CreateDraftAsync(busy, 2);
        var v3 = await CreateDraftAsync(busy, 3);
        await Service.ActivateAsync(busy, v1.ConfigId, Ct);
        await Service.DeprecateAsync(busy, v3.ConfigId, Ct);
        await CreateDraftAsync(quiet, 1);

        var all = await Service.ListStrategiesAsync(Ct);

        all.Select(s => s.StrategyName).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var b = all.Should().ContainSingle(s => s.StrategyName == busy).Which;
        b.Active!.ConfigId.Should().Be(v1.ConfigId);
        b.Active.Status.Should().Be(ConfigVersionStatus.Active);
        b.VersionCount.Should().Be(3);
        b.DraftCount.Should().Be(1);
        var q = all.Should().ContainSingle(s => s.StrategyName == quiet).Which;
        q.Active.Should().BeNull();
        (q.VersionCount, q.DraftCount).Should().Be((1, 1));
    }

    // ---- bad input and unavailable stores ----

    [Fact]
    public async Task Invalid_input_is_rejected_before_the_store_changes()
    {
        var strategy = NewStrategy();
        var nan = () => Service.CreateAsync(strategy, Config(1).With("x", double.NaN), "t", Ct);
        var badName = () => Service.CreateAsync("bad name!", Config(1), "t", Ct);
        var badCreator = () => Service.CreateAsync(strategy, Config(1), " ", Ct);

        await nan.Should().ThrowAsync<ConfigValidationException>();
        await badName.Should().ThrowAsync<ConfigValidationException>();
        await badCreator.Should().ThrowAsync<ConfigValidationException>();
        var list = () => Service.ListAsync(strategy, null, 10, null, Ct);
        await list.Should().ThrowAsync<NotFoundException>("nothing was stored");
        (await CreateDraftAsync(strategy, 1)).VersionNumber.Should().Be(1);
    }

    [Fact]
    public async Task An_unreachable_store_is_an_external_service_error()
    {
        var service = new ConfigVersionService(CreateUnreachableRepository(), Clock);

        var create = () => service.CreateAsync(NewStrategy(), Config(1), "t", Ct);
        var active = () => service.GetActiveAsync(NewStrategy(), Ct);

        await create.Should().ThrowAsync<ExternalServiceException>();
        await active.Should().ThrowAsync<ExternalServiceException>();
    }

    // ---- concurrency ----

    [Fact]
    public async Task Parallel_activations_of_32_drafts_leave_exactly_one_active_and_a_consistent_superseded_by_chain()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var strategy = NewStrategy();
            var drafts = new List<ConfigVersion>();
            for (var i = 0; i < Parallelism; i++)
            {
                drafts.Add(await CreateDraftAsync(strategy, i));
            }

            var results = await Task.WhenAll(drafts.Select(d => Task.Run(() => Service.ActivateAsync(strategy, d.ConfigId, Ct), Ct)));

            results.Should().OnlyContain(r => r.Version.Status == ConfigVersionStatus.Active);
            var all = await ListAllAsync(strategy);
            all.Should().HaveCount(Parallelism);
            var active = all.Should().ContainSingle(v => v.Status == ConfigVersionStatus.Active).Which;
            (await Service.GetActiveAsync(strategy, Ct)).Should().Be(active);
            ConfigVersionInvariants.AssertSupersededChain(all, active);

            // Each activation reported the version it displaced: those reports form the same chain.
            results.Count(r => r.Deprecated is null).Should().Be(1);
            results.Where(r => r.Deprecated is not null).Select(r => (r.Deprecated!.ConfigId, r.Version.ConfigId))
                .Should().BeEquivalentTo(all.Where(v => v.SupersededBy is not null).Select(v => (v.ConfigId, v.SupersededBy!)));
        }
    }

    [Fact]
    public async Task Parallel_identical_creates_make_one_version_and_every_caller_gets_its_id()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var strategy = NewStrategy();

            var results = await Task.WhenAll(Enumerable.Range(0, Parallelism)
                .Select(i => Task.Run(() => Service.CreateAsync(strategy, Config(7), "writer-" + i, Ct), Ct)));

            results.Select(r => r.Version.ConfigId).Distinct().Should().ContainSingle().Which.Should().StartWith("v1-");
            results.Count(r => r.Created).Should().Be(1);
            (await ListAllAsync(strategy)).Should().ContainSingle();
        }
    }

    [Fact]
    public async Task Parallel_creates_of_different_content_get_distinct_sequential_numbers()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var strategy = NewStrategy();

            var results = await Task.WhenAll(Enumerable.Range(0, Parallelism)
                .Select(i => Task.Run(() => Service.CreateAsync(strategy, Config(i, "parallel"), "writer", Ct), Ct)));

            results.Should().OnlyContain(r => r.Created);
            results.Select(r => r.Version.VersionNumber).Should().BeEquivalentTo(Enumerable.Range(1, Parallelism));
            var listed = await ListAllAsync(strategy, pageSize: 7);
            listed.Select(v => v.VersionNumber).Should().Equal(Enumerable.Range(1, Parallelism).Reverse());
            listed.Select(v => v.ConfigHash).Distinct().Should().HaveCount(Parallelism);
        }
    }

    [Fact]
    public async Task Parallel_mixed_writers_keep_every_invariant()
    {
        var strategy = NewStrategy();
        var seed = await CreateDraftAsync(strategy, 0);
        await Service.ActivateAsync(strategy, seed.ConfigId, Ct);

        async Task Writer(int i)
        {
            var created = await Service.CreateAsync(strategy, Config(i % 8, "mixed"), "w", Ct);
            try
            {
                if (i % 3 == 0)
                {
                    await Service.ActivateAsync(strategy, created.Version.ConfigId, Ct);
                }
                else if (i % 3 == 1)
                {
                    await Service.DeprecateAsync(strategy, created.Version.ConfigId, Ct);
                }
            }
            catch (ConflictException)
            {
                // Another writer got there first (the draft was activated or deprecated): a legal outcome.
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(i => Task.Run(() => Writer(i), Ct)));

        await ConfigVersionInvariants.AssertAsync(Service, strategy, Ct);
    }
}
