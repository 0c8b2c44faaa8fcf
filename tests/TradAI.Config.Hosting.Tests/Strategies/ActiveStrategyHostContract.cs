using AwesomeAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Strategies;
using TradAI.Config.Core.Versioning;
using TradAI.Config.Hosting.Diagnostics;
using TradAI.Config.Hosting.Health;
using TradAI.Config.Hosting.Strategies;
using TradAI.Config.Hosting.Tests.Support;

namespace TradAI.Config.Hosting.Tests.Strategies;

/// <summary>
/// What a service gets from <c>AddActiveStrategyConfig</c>, with a real host on a real store: the active version as
/// live options, activations and rollbacks followed within one interval, keep-last-good through outages and bad
/// content, start-up failure or <c>Optional</c>, <c>RefreshNowAsync</c>, several strategies, the configuration mirror,
/// health and metrics. Each store's test class inherits all of it.
/// </summary>
public abstract class ActiveStrategyHostContract
{
    protected const string Strategy = "momentum-btc";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<HostBackend> CreateBackendAsync();

    /// <summary>A fresh, empty store that <see cref="HostBackend.BreakAsync"/> can take away.</summary>
    protected abstract Task<HostBackend> CreateOutageBackendAsync();

    protected static async Task<ConfigVersion> ActivateAsync(HostBackend backend, int generation, string strategy = Strategy)
    {
        var created = await backend.Versions.CreateAsync(strategy, StrategyContent.Valid(strategy, generation), "test", Ct);
        return (await backend.Versions.ActivateAsync(strategy, created.Version.ConfigId, Ct)).Version;
    }

    [Fact]
    public async Task Start_applies_the_active_version_as_options_with_overrides_resolved_and_validated()
    {
        await using var backend = await CreateBackendAsync();
        var v1 = await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy, o => o.Overrides.Add("+parameters.venue=paper")));

        var config = host.Monitor.Get(Strategy);
        StrategyContent.GenerationOf(config).Should().Be(1);
        config.Parameters["label"].Should().Be("momentum-btc-1m", "interpolations are resolved");
        config.Parameters["venue"].Should().Be("paper", "the configured overrides are applied");
        host.Monitor.CurrentValue.Should().BeSameAs(config, "the first strategy registered answers CurrentValue");
        host.Services.GetRequiredService<IOptions<StrategyConfig>>().Value.Should().BeSameAs(config);

        var status = host.Refresher.GetStatus(Strategy);
        status.Current!.ConfigId.Should().Be(v1.ConfigId);
        status.Current.VersionNumber.Should().Be(1);
        status.Current.Config.Should().BeSameAs(config);
        status.Failure.Should().BeNull();
        status.LastSuccessAt.Should().Be(host.Time.GetUtcNow());

        var health = await host.HealthAsync();
        health.Entries[ActiveStrategyHealthCheck.NameFor(Strategy)].Status.Should().Be(HealthStatus.Healthy);
        health.Entries[ActiveStrategyHealthCheck.NameFor(Strategy)].Data["config_id"].Should().Be(v1.ConfigId);
        host.Logs.WithId(TradaiHostingEvents.ConfigApplied).Should().ContainSingle().Which.Message.Should().Contain(v1.ConfigId);
    }

    [Fact]
    public async Task An_activation_is_applied_within_one_poll_interval_and_fires_OnChange_once()
    {
        await using var backend = await CreateBackendAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        var changes = new List<(int Generation, string? Name, string? ConfigId)>();
        using var subscription = host.Monitor.OnChange((config, name) =>
            changes.Add((StrategyContent.GenerationOf(config), name, host.Refresher.GetStatus(Strategy).Current?.ConfigId)));
        var configurationToken = host.Hub.Get(Strategy).GetChangeToken();

        var v2 = await ActivateAsync(backend, 2);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1, "nothing changes between polls");

        var delay = await host.Probe(Strategy).WhenParkedAsync();
        delay.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(30), "the default interval is 30 s and jitter only shortens it")
            .And.BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(27));
        var result = await host.PollAsync(Strategy);

        result.Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        result.Current!.ConfigId.Should().Be(v2.ConfigId);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(2);
        changes.Should().Equal((2, Strategy, v2.ConfigId));
        configurationToken.HasChanged.Should().BeTrue();
        host.Metrics.Sum(TradaiHostingMetrics.ChangesApplied, ("strategy", Strategy)).Should().Be(2, "the start-up load and the activation");
        host.Metrics.Sum(TradaiHostingMetrics.Refreshes, ("outcome", "applied")).Should().Be(2);
    }

    [Fact]
    public async Task An_unchanged_poll_applies_nothing_and_fires_no_change()
    {
        await using var backend = await CreateBackendAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        var before = host.Monitor.CurrentValue;
        var changes = 0;
        using var subscription = host.Monitor.OnChange(_ => changes++);

        for (var i = 0; i < 3; i++)
        {
            (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Unchanged);
        }

        host.Monitor.CurrentValue.Should().BeSameAs(before);
        changes.Should().Be(0);
        host.Metrics.Sum(TradaiHostingMetrics.Refreshes, ("outcome", "unchanged")).Should().Be(3);
        host.Refresher.GetStatus(Strategy).LastSuccessAt.Should().Be(host.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_rollback_is_applied_on_the_next_poll()
    {
        await using var backend = await CreateBackendAsync();
        var v1 = await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        await ActivateAsync(backend, 2);
        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);

        var rollback = await backend.Versions.RollbackAsync(Strategy, v1.ConfigId, "test", Ct);
        var result = await host.PollAsync(Strategy);

        result.Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        result.Current!.ConfigId.Should().Be(rollback.Version.ConfigId).And.StartWith("v3-");
        result.Current.ConfigHash.Should().Be(v1.ConfigHash);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1);
    }

    [Fact]
    public async Task RefreshNowAsync_applies_an_activation_at_once_without_the_clock_moving()
    {
        await using var backend = await CreateBackendAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        var v2 = await ActivateAsync(backend, 2);
        var now = host.Time.GetUtcNow();

        var result = await host.Refresher.RefreshNowAsync(Strategy, Ct);

        result.Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        result.Current!.ConfigId.Should().Be(v2.ConfigId);
        host.Time.GetUtcNow().Should().Be(now);
        StrategyContent.GenerationOf(host.Monitor.Get(Strategy)).Should().Be(2);
        (await host.Refresher.RefreshNowAsync(Strategy, Ct)).Outcome.Should().Be(StrategyRefreshOutcome.Unchanged);
        await FluentActions.Awaiting(() => host.Refresher.RefreshNowAsync("not-registered", Ct)).Should().ThrowAsync<ArgumentException>().WithMessage("*not-registered*");
    }

    [Fact]
    public async Task A_store_outage_keeps_the_last_good_version_degrades_health_backs_off_and_recovers()
    {
        await using var backend = await CreateOutageBackendAsync();
        var v1 = await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy, o =>
        {
            o.RefreshInterval = TimeSpan.FromSeconds(10);
            o.Jitter = 0;
        }));
        var failures = new List<StrategyRefreshResult>();
        host.Refresher.RefreshFailed += (_, r) => failures.Add(r);
        var served = host.Monitor.CurrentValue;

        await backend.BreakAsync();
        var first = await host.PollAsync(Strategy);
        (await host.Probe(Strategy).WhenParkedAsync()).Should().Be(TimeSpan.FromSeconds(10), "the first retry waits one interval");
        var second = await host.PollAsync(Strategy);

        first.Outcome.Should().Be(StrategyRefreshOutcome.Failed);
        first.Failure!.Kind.Should().Be(ErrorKind.ExternalService);
        first.Current!.ConfigId.Should().Be(v1.ConfigId, "the kept version is reported");
        host.Monitor.CurrentValue.Should().BeSameAs(served, "keep last good");
        failures.Should().HaveCount(2);
        (await host.Probe(Strategy).WhenParkedAsync()).Should().Be(TimeSpan.FromSeconds(20), "then the wait doubles per failure");
        var warnings = host.Logs.WithId(TradaiHostingEvents.RefreshFailed).ToList();
        warnings.Should().HaveCount(2).And.OnlyContain(e => e.Level == LogLevel.Warning && e.Message.Contains(v1.ConfigId, StringComparison.Ordinal));
        var status = host.Refresher.GetStatus(Strategy);
        status.ConsecutiveFailures.Should().Be(2);
        status.FailingSince.Should().Be(first.Failure.At);
        var degraded = (await host.HealthAsync()).Entries[ActiveStrategyHealthCheck.NameFor(Strategy)];
        degraded.Status.Should().Be(HealthStatus.Degraded);
        degraded.Description.Should().Contain(v1.ConfigId).And.Contain(Strategy);
        host.Metrics.Sum(TradaiHostingMetrics.RefreshFailures, ("strategy", Strategy), ("error.kind", "external_service")).Should().Be(2);
        second.Failure!.Kind.Should().Be(ErrorKind.ExternalService);

        await backend.RestoreAsync();
        var recovered = await host.PollAsync(Strategy);
        recovered.Outcome.Should().Be(StrategyRefreshOutcome.Unchanged);
        (await host.HealthAsync()).Entries[ActiveStrategyHealthCheck.NameFor(Strategy)].Status.Should().Be(HealthStatus.Healthy);
        host.Logs.WithId(TradaiHostingEvents.RefreshRecovered).Should().ContainSingle();
        (await host.Probe(Strategy).WhenParkedAsync()).Should().Be(TimeSpan.FromSeconds(10), "back to the interval");

        await ActivateAsync(backend, 2);
        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(2);
    }

    [Fact]
    public async Task Failing_longer_than_UnhealthyAfter_turns_health_Unhealthy_while_still_serving()
    {
        await using var backend = await CreateOutageBackendAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy, o =>
        {
            o.RefreshInterval = TimeSpan.FromSeconds(10);
            o.UnhealthyAfter = TimeSpan.FromSeconds(25);
            o.Jitter = 0;
        }));
        await backend.BreakAsync();
        await host.PollAsync(Strategy);
        (await host.HealthAsync()).Status.Should().Be(HealthStatus.Degraded);

        await host.PollAsync(Strategy); // failing for 10 s
        await host.PollAsync(Strategy); // failing for 30 s

        (await host.HealthAsync()).Entries[ActiveStrategyHealthCheck.NameFor(Strategy)].Status.Should().Be(HealthStatus.Unhealthy);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1);
    }

    [Fact]
    public async Task An_invalid_version_written_straight_into_the_store_is_refused_and_the_last_good_kept()
    {
        await using var backend = await CreateBackendAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));
        var changes = 0;
        using var subscription = host.Monitor.OnChange(_ => changes++);

        // Around ConfigVersionService (and whatever it validates): the store's own atomic create-and-activate.
        var bad = await backend.Repository.CreateAsync(StrategyContent.Raw(Strategy, StrategyContent.Invalid(Strategy)), Ct);
        bad.Version.Status.Should().Be(ConfigVersionStatus.Active);
        var result = await host.PollAsync(Strategy);

        result.Outcome.Should().Be(StrategyRefreshOutcome.Failed);
        result.Failure!.Kind.Should().Be(ErrorKind.Validation);
        result.Failure.ConfigId.Should().Be(bad.Version.ConfigId);
        result.Failure.Reason.Should().Contain(bad.Version.ConfigId).And.Contain("timeframe").And.Contain("pairs");
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1);
        changes.Should().Be(0);
        (await host.HealthAsync()).Status.Should().Be(HealthStatus.Degraded);
        host.Metrics.Sum(TradaiHostingMetrics.RefreshFailures, ("error.kind", "validation")).Should().Be(1);

        await ActivateAsync(backend, 3);
        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(3);
        (await host.HealthAsync()).Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task The_active_version_being_deprecated_keeps_the_last_good_and_reports_not_found()
    {
        await using var backend = await CreateBackendAsync();
        var v1 = await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy));

        await backend.Versions.DeprecateAsync(Strategy, v1.ConfigId, Ct);
        var result = await host.PollAsync(Strategy);

        result.Failure!.Kind.Should().Be(ErrorKind.NotFound);
        result.Failure.Reason.Should().Contain("no active config version");
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1);
    }

    [Fact]
    public async Task No_active_version_fails_start_with_a_message_naming_the_strategy()
    {
        await using var backend = await CreateBackendAsync();
        await backend.Versions.CreateAsync(Strategy, StrategyContent.Valid(Strategy, 1), "test", Ct); // a draft is not enough
        await using var host = TestHost.Create(backend, t => t.AddActiveStrategyConfig(Strategy));

        var failure = await FluentActions.Awaiting(host.StartAsync).Should().ThrowAsync<ActiveStrategyUnavailableException>();

        failure.Which.StrategyName.Should().Be(Strategy);
        failure.Which.Kind.Should().Be(ErrorKind.NotFound);
        failure.Which.Message.Should().Contain($"strategy '{Strategy}'").And.Contain("no active config version").And.Contain("Optional");
        host.Logs.WithId(TradaiHostingEvents.StartupFailed).Should().ContainSingle().Which.Level.Should().Be(LogLevel.Error);
    }

    [Fact]
    public async Task An_unreachable_store_fails_start_naming_the_strategy()
    {
        await using var backend = await CreateOutageBackendAsync();
        await ActivateAsync(backend, 1);
        await backend.BreakAsync();
        await using var host = TestHost.Create(backend, t => t.AddActiveStrategyConfig(Strategy));

        var failure = await FluentActions.Awaiting(host.StartAsync).Should().ThrowAsync<ActiveStrategyUnavailableException>();

        failure.Which.Kind.Should().Be(ErrorKind.ExternalService);
        failure.Which.Message.Should().Contain($"strategy '{Strategy}' cannot start");
    }

    [Fact]
    public async Task An_optional_strategy_starts_Unhealthy_and_the_first_success_applies()
    {
        await using var backend = await CreateBackendAsync();
        await using var host = await TestHost.StartAsync(backend, t => t.AddActiveStrategyConfig(Strategy, o => o.Optional = true));

        FluentActions.Invoking(() => host.Monitor.Get(Strategy)).Should().Throw<ActiveStrategyUnavailableException>().WithMessage($"*{Strategy}*");
        var unhealthy = (await host.HealthAsync()).Entries[ActiveStrategyHealthCheck.NameFor(Strategy)];
        unhealthy.Status.Should().Be(HealthStatus.Unhealthy);
        unhealthy.Description.Should().Contain("no config applied");
        host.Logs.WithId(TradaiHostingEvents.StartedWithoutConfig).Should().ContainSingle();

        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Failed, "still nothing active");
        await ActivateAsync(backend, 1);
        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);

        StrategyContent.GenerationOf(host.Monitor.Get(Strategy)).Should().Be(1);
        (await host.HealthAsync()).Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task Several_strategies_in_one_host_follow_their_own_versions()
    {
        const string other = "mean-reversion-eth";
        await using var backend = await CreateBackendAsync();
        await ActivateAsync(backend, 1);
        await ActivateAsync(backend, 7, other);
        await using var host = await TestHost.StartAsync(backend, t => t
            .AddActiveStrategyConfig(Strategy)
            .AddActiveStrategyConfig(other, o => o.RefreshInterval = TimeSpan.FromSeconds(5)));
        var changed = new List<string?>();
        using var subscription = host.Monitor.OnChange((_, name) => changed.Add(name));

        await ActivateAsync(backend, 8, other);
        (await host.PollAsync(other)).Outcome.Should().Be(StrategyRefreshOutcome.Applied);
        (await host.PollAsync(Strategy)).Outcome.Should().Be(StrategyRefreshOutcome.Unchanged);

        host.Refresher.Strategies.Should().Equal(Strategy, other);
        StrategyContent.GenerationOf(host.Monitor.Get(Strategy)).Should().Be(1);
        StrategyContent.GenerationOf(host.Monitor.Get(other)).Should().Be(8);
        host.Monitor.Get(other).Name.Should().Be(other);
        StrategyContent.GenerationOf(host.Monitor.CurrentValue).Should().Be(1);
        changed.Should().Equal(other);

        // The fake clock jumped a whole 30 s interval for the first strategy; let the faster one poll once after it.
        (await host.PollAsync(other)).Outcome.Should().Be(StrategyRefreshOutcome.Unchanged);
        var health = await host.HealthAsync();
        health.Entries.Keys.Should().Contain([ActiveStrategyHealthCheck.NameFor(Strategy), ActiveStrategyHealthCheck.NameFor(other)]);
        health.Status.Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task The_configuration_mirror_follows_activations_through_its_reload_token()
    {
        await using var backend = await CreateBackendAsync();
        await ActivateAsync(backend, 1);
        await using var host = await TestHost.StartAsync(
            backend,
            t => t.AddActiveStrategyConfig(Strategy),
            h =>
            {
                h.Configuration.AddTradaiStrategy(Strategy);
                h.Services.Configure<TradingKnobs>(h.Configuration.GetSection(TradaiStrategyConfigurationExtensions.SectionFor(Strategy)));
            });
        var section = host.Configuration.GetSection(TradaiStrategyConfigurationExtensions.SectionFor(Strategy));
        section["timeframe"].Should().Be("1m");
        section["pairs:1"].Should().Be("ETH/USDT");
        section["parameters:generation"].Should().Be("1");
        section["parameters:label"].Should().Be("momentum-btc-1m");
        var knobs = host.Services.GetRequiredService<IOptionsMonitor<TradingKnobs>>();
        knobs.CurrentValue.Timeframe.Should().Be("1m");
        var token = host.Configuration.GetReloadToken();

        await ActivateAsync(backend, 2);
        await host.PollAsync(Strategy);

        token.HasChanged.Should().BeTrue();
        section["timeframe"].Should().Be("2m");
        knobs.CurrentValue.Timeframe.Should().Be("2m", "options bound to the section follow the activation");
        knobs.CurrentValue.Parameters["generation"].Should().Be("2");
    }

    /// <summary>What a service might bind from its strategy's section.</summary>
    public sealed class TradingKnobs
    {
        public string? Timeframe { get; set; }

        public Dictionary<string, string> Parameters { get; set; } = [];
    }
}
