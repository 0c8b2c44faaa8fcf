using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Versioning;
using Xunit;

namespace TradAI.Config.Testing.Versioning;

/// <summary>The contract's <c>deployed_by</c> part: who activated each version is stored with the activation and kept.</summary>
public abstract partial class ConfigVersionRepositoryContract
{
    [Fact]
    public async Task An_activation_records_who_deployed_the_version_and_deprecation_keeps_it()
    {
        var strategy = NewStrategy();
        var v1 = (await Service.CreateAsync(strategy, Config(1), "creator", Ct)).Version;
        var v2 = (await Service.CreateAsync(strategy, Config(2), "creator", Ct)).Version;

        var first = await Service.ActivateAsync(strategy, v1.ConfigId, "alice", expectedActive: null, Ct);
        first.Version.DeployedBy.Should().Be("alice");
        Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await Service.ActivateAsync(strategy, v2.ConfigId, "bob", ActivePrecondition.Active(v1.ConfigId), Ct);

        second.Version.DeployedBy.Should().Be("bob");
        second.Deprecated!.DeployedBy.Should().Be("alice");
        (await Service.GetAsync(strategy, v1.ConfigId, Ct)).Should().BeEquivalentTo(second.Deprecated);
        (await Service.GetActiveAsync(strategy, Ct)).Should().BeEquivalentTo(second.Version);
        (await Service.GetActiveAsync(strategy, Ct)).CreatedBy.Should().Be("creator");
        var summary = (await Service.ListStrategiesAsync(Ct)).Single(s => s.StrategyName == strategy);
        summary.Active!.DeployedBy.Should().Be("bob");
        (await ListAllAsync(strategy)).Select(v => v.DeployedBy).Should().Equal("bob", "alice");
    }

    [Fact]
    public async Task A_rollback_records_its_caller_as_creator_and_deployer_and_a_draft_has_no_deployer()
    {
        var strategy = NewStrategy();
        var v1 = (await Service.CreateAsync(strategy, Config(1), "creator", Ct)).Version;
        v1.DeployedBy.Should().BeNull();
        await Service.ActivateAsync(strategy, v1.ConfigId, "alice", expectedActive: null, Ct);
        var v2 = (await Service.CreateAsync(strategy, Config(2), "creator", Ct)).Version;
        await Service.ActivateAsync(strategy, v2.ConfigId, "bob", expectedActive: null, Ct);

        var rollback = await Service.RollbackAsync(strategy, v1.ConfigId, "carol", Ct);

        rollback.Version.CreatedBy.Should().Be("carol");
        rollback.Version.DeployedBy.Should().Be("carol");
        (await Service.GetActiveAsync(strategy, Ct)).DeployedBy.Should().Be("carol");
        (await Service.GetAsync(strategy, v2.ConfigId, Ct)).DeployedBy.Should().Be("bob");
    }

    [Fact]
    public async Task An_activation_that_names_no_one_records_no_deployer_and_a_bad_name_changes_nothing()
    {
        var strategy = NewStrategy();
        var v1 = (await Service.CreateAsync(strategy, Config(1), "creator", Ct)).Version;
        var v2 = (await Service.CreateAsync(strategy, Config(2), "creator", Ct)).Version;

        (await Service.ActivateAsync(strategy, v1.ConfigId, Ct)).Version.DeployedBy.Should().BeNull();
        (await Service.GetActiveAsync(strategy, Ct)).DeployedBy.Should().BeNull();

        var bad = () => Service.ActivateAsync(strategy, v2.ConfigId, "eve\u001b[2J", expectedActive: null, Ct);
        (await bad.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("deployed_by");
        (await Service.GetActiveAsync(strategy, Ct)).ConfigId.Should().Be(v1.ConfigId);
        (await Service.GetAsync(strategy, v2.ConfigId, Ct)).Status.Should().Be(ConfigVersionStatus.Draft);
    }
}
