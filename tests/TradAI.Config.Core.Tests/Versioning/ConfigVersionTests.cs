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
    public void A_draft_gets_the_id_v_number_dash_hash_prefix_and_no_lifecycle_stamps()
    {
        var draft = Draft();

        draft.ConfigId.Should().Be("v3-" + draft.ConfigHash[..8]);
        ConfigVersion.CreateDraft("momentum", 12, draft.ConfigHash, Data, "alice", Created).ConfigId.Should().Be("v12-" + draft.ConfigHash[..8]);
        draft.Status.Should().Be(ConfigVersionStatus.Draft);
        draft.DeployedAt.Should().BeNull();
        draft.DeprecatedAt.Should().BeNull();
        draft.SupersededBy.Should().BeNull();
        draft.Ttl.Should().BeNull();
    }

    [Theory]
    [InlineData("", 1, "ok", "strategy_name")]
    [InlineData("momentum", 0, "ok", "version_number")]
    [InlineData("momentum", -3, "ok", "version_number")]
    [InlineData("momentum", 1, "", "created_by")]
    [InlineData("momentum", 1, "line\nbreak", "created_by")]
    [InlineData("momentum", 1, "long", "created_by")]
    public void A_draft_with_a_bad_field_is_a_validation_error_naming_that_field(string strategy, int number, string createdBy, string field)
    {
        createdBy = createdBy == "long" ? new string('a', 201) : createdBy;

        var act = () => ConfigVersion.CreateDraft(strategy, number, ConfigHasher.Hash(Data), Data, createdBy, Created);

        act.Should().Throw<ConfigValidationException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be(field);
    }

    [Theory]
    [InlineData("0123")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_draft_whose_hash_is_not_64_lowercase_hex_is_refused(string hash)
    {
        var act = () => ConfigVersion.CreateDraft("momentum", 1, hash, Data, "alice", Created);

        act.Should().Throw<ConfigValidationException>().Which.Problems.Should().ContainSingle().Which.Path.Should().Be("config_hash");
    }

    [Fact]
    public void Every_stamp_is_in_utc_whatever_offset_the_clock_gave()
    {
        var created = new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(2));
        var draft = ConfigVersion.CreateDraft("momentum", 1, ConfigHasher.Hash(Data), Data, "alice", created);
        var active = draft.WithStatus(ConfigVersionStatus.Active, created.AddHours(1));
        var deprecated = active.WithStatus(ConfigVersionStatus.Deprecated, new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(-5)));

        // The stores write these as ISO 8601 strings; one offset keeps equal instants equal as text and in order.
        draft.CreatedAt.Offset.Should().Be(TimeSpan.Zero);
        draft.CreatedAt.Should().Be(created);
        active.DeployedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
        deprecated.DeprecatedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
        deprecated.DeprecatedAt.Value.UtcDateTime.Should().Be(new DateTime(2026, 11, 27, 13, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Activation_stamps_deployed_at_and_changes_nothing_else()
    {
        var draft = Draft();
        var at = Created.AddHours(1);

        var active = draft.WithStatus(ConfigVersionStatus.Active, at);

        active.Should().Be(draft with { Status = ConfigVersionStatus.Active, DeployedAt = at });
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

    [Fact]
    public void An_explicitly_deprecated_draft_was_never_deployed_and_names_no_successor()
    {
        var at = Created.AddDays(2);

        var deprecated = Draft().WithStatus(ConfigVersionStatus.Deprecated, at);

        deprecated.Should().Be(Draft() with { Status = ConfigVersionStatus.Deprecated, DeprecatedAt = at, Ttl = ConfigVersion.TtlFor(at) });
    }

    [Fact]
    public void The_lifecycle_allows_exactly_draft_to_active_draft_to_deprecated_and_active_to_deprecated()
    {
        var allowed = new[]
        {
            (ConfigVersionStatus.Draft, ConfigVersionStatus.Active),
            (ConfigVersionStatus.Draft, ConfigVersionStatus.Deprecated),
            (ConfigVersionStatus.Active, ConfigVersionStatus.Deprecated),
        };
        foreach (var from in Enum.GetValues<ConfigVersionStatus>())
        {
            foreach (var to in Enum.GetValues<ConfigVersionStatus>())
            {
                var version = Draft() with { Status = from };
                var legal = allowed.Contains((from, to));

                version.CanTransitionTo(to).Should().Be(legal, $"{from} → {to}");
                var act = () => version.WithStatus(to, Created);
                if (legal)
                {
                    act.Should().NotThrow($"{from} → {to}").Which.Status.Should().Be(to);
                }
                else
                {
                    act.Should().Throw<ConflictException>($"{from} → {to}");
                }
            }
        }
    }

    [Theory]
    [InlineData(ConfigVersionStatus.Draft, ConfigVersionStatus.Draft)]
    [InlineData(ConfigVersionStatus.Active, ConfigVersionStatus.Active)]
    [InlineData(ConfigVersionStatus.Active, ConfigVersionStatus.Draft)]
    [InlineData(ConfigVersionStatus.Deprecated, ConfigVersionStatus.Draft)]
    [InlineData(ConfigVersionStatus.Deprecated, ConfigVersionStatus.Active)]
    [InlineData(ConfigVersionStatus.Deprecated, ConfigVersionStatus.Deprecated)]
    public void An_illegal_transition_is_a_conflict_that_names_the_version_and_both_statuses(ConfigVersionStatus from, ConfigVersionStatus to)
    {
        var version = Draft() with { Status = from };

        var act = () => version.WithStatus(to, Created);

        var message = act.Should().Throw<ConflictException>().Which.Message;
        message.Should().Contain($"version {version.ConfigId} of strategy 'momentum' is {from.ToWire()} and cannot become {to.ToWire()}");
        if (from == ConfigVersionStatus.Deprecated)
        {
            message.Should().Contain("use rollback", "a deprecated version's content comes back through rollback");
        }
        else
        {
            message.Should().NotContain("rollback");
        }
    }

    [Fact]
    public void A_conflict_message_shows_control_characters_of_the_strategy_name_escaped()
    {
        // A version read from a store was never validated here: its name reaches the message through the sanitizer.
        var version = Draft() with { StrategyName = "evil\u001b[2Jname", Status = ConfigVersionStatus.Deprecated };

        var message = ((Func<ConfigVersion>)(() => version.WithStatus(ConfigVersionStatus.Active, Created))).Should().Throw<ConflictException>().Which.Message;

        message.Should().NotContain("\u001b").And.Contain("evil\\u001B[2Jname");
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
