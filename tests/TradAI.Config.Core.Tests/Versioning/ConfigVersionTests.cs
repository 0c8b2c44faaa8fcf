using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Hashing;
using TradAI.Config.Core.Tree;
using TradAI.Config.Core.Versioning;

namespace TradAI.Config.Core.Tests.Versioning;

public sealed class ConfigVersionTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConfigMapping Data = ConfigMapping.Of(("timeframe", "5m"), ("stake", 100L));

    private static ConfigVersion Draft() => ConfigVersion.CreateDraft("momentum", 3, ConfigHasher.Hash(Data), Data, "alice", Created);

    [Fact]
    public void A_draft_gets_the_id_v_number_dash_hash_prefix()
    {
        var draft = Draft();

        draft.ConfigId.Should().Be("v3-" + draft.ConfigHash[..8]);
        draft.Status.Should().Be(ConfigVersionStatus.Draft);
        draft.DeployedAt.Should().BeNull();
        draft.Ttl.Should().BeNull();
    }

    [Fact]
    public void Activation_sets_deployed_at_and_leaves_the_original_untouched()
    {
        var draft = Draft();
        var at = Created.AddHours(1);

        var active = draft.WithStatus(ConfigVersionStatus.Active, at);

        active.Status.Should().Be(ConfigVersionStatus.Active);
        active.DeployedAt.Should().Be(at);
        draft.Status.Should().Be(ConfigVersionStatus.Draft);
    }

    [Fact]
    public void Deprecation_sets_deprecated_at_superseded_by_and_a_ttl_90_days_later()
    {
        var at = Created.AddDays(2);
        var deprecated = Draft().WithStatus(ConfigVersionStatus.Active, Created).WithStatus(ConfigVersionStatus.Deprecated, at, "v4-abcdef01");

        deprecated.DeprecatedAt.Should().Be(at);
        deprecated.SupersededBy.Should().Be("v4-abcdef01");
        deprecated.Ttl.Should().Be(at.AddDays(90).ToUnixTimeSeconds());
        deprecated.DeployedAt.Should().Be(Created);
    }

    [Theory]
    [InlineData(ConfigVersionStatus.Draft, ConfigVersionStatus.Draft)]
    [InlineData(ConfigVersionStatus.Active, ConfigVersionStatus.Active)]
    [InlineData(ConfigVersionStatus.Active, ConfigVersionStatus.Draft)]
    [InlineData(ConfigVersionStatus.Deprecated, ConfigVersionStatus.Draft)]
    [InlineData(ConfigVersionStatus.Deprecated, ConfigVersionStatus.Active)]
    [InlineData(ConfigVersionStatus.Deprecated, ConfigVersionStatus.Deprecated)]
    public void Illegal_transitions_throw_a_conflict(ConfigVersionStatus from, ConfigVersionStatus to)
    {
        var version = Draft() with { Status = from };

        var act = () => version.WithStatus(to, Created);

        act.Should().Throw<ConflictException>().Which.Message.Should().Contain($"is {from.ToWire()} and cannot become {to.ToWire()}");
        version.Status.Should().Be(from);
    }

    [Theory]
    [InlineData("v1-0123abcd", true)]
    [InlineData("v10-ffffffff", true)]
    [InlineData("v0-0123abcd", false)]
    [InlineData("v01-0123abcd", false)]
    [InlineData("v1-0123ABCD", false)]
    [InlineData("v1-0123abc", false)]
    [InlineData("1-0123abcd", false)]
    [InlineData("v-0123abcd", false)]
    [InlineData("#meta", false)]
    [InlineData("v99999999999-0123abcd", false)]
    public void Config_ids_are_validated(string id, bool valid) =>
        ConfigVersionId.TryParse(id, out _, out _).Should().Be(valid);

    [Theory]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public void Bad_strategy_names_are_validation_errors(string name)
    {
        var act = () => StrategyNames.Validate(name);

        act.Should().Throw<ConfigValidationException>();
    }

    [Fact]
    public void Status_names_round_trip_and_unknown_ones_are_rejected()
    {
        foreach (var status in Enum.GetValues<ConfigVersionStatus>())
        {
            ConfigVersionStatusNames.Parse(status.ToWire()).Should().Be(status);
        }

        var act = () => ConfigVersionStatusNames.Parse("retired");
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("retired");
    }
}
