using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Core.Tree;
using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Rendering;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.Rendering;

/// <summary>The resolved config as JSON/YAML, flattened, and diffed between environments — all derived from the config itself.</summary>
public sealed class InfraConfigRenderingTests
{
    [Fact]
    public void Json_uses_the_snake_case_names_of_the_python_config()
    {
        using var doc = JsonDocument.Parse(InfraConfigDocument.ToJson(InfraConfigResolver.Resolve(DeploymentEnvironment.Prod)));
        var root = doc.RootElement;
        root.GetProperty("environment").GetProperty("name").GetString().Should().Be("prod");
        root.GetProperty("storage").GetProperty("rds").GetProperty("instance_class").GetString().Should().Be("db.t4g.small");
        root.GetProperty("services")[0].GetProperty("desired_count").GetInt32().Should().Be(2);
        root.GetProperty("services").EnumerateArray().Last().GetProperty("capacity").GetString().Should().Be("spot");
        var versions = root.GetProperty("storage").GetProperty("tables")[0];
        versions.GetProperty("schema").GetProperty("partition_key").GetProperty("type").GetString().Should().Be("S");
        versions.GetProperty("schema").GetProperty("local_indexes")[0].GetProperty("name").GetString().Should().Be("version_number-index");
    }

    [Fact]
    public void Yaml_reads_back_to_the_same_tree()
    {
        var config = InfraConfigResolver.Resolve(DeploymentEnvironment.Dev);
        var yaml = InfraConfigDocument.ToYaml(config);
        yaml.Should().Contain("consolidated_mode: true").And.Contain("vpc_cidr: 10.0.0.0/16").And.Contain("  desired_count: 1\n");
        var back = YamlConfigReader.ParseMapping(yaml, "infra.yaml");
        ConfigValues.DeepEquals(back, InfraConfigDocument.ToTree(config)).Should().BeTrue();
    }

    [Fact]
    public void Flattening_addresses_list_items_by_their_name()
    {
        var flat = InfraConfigFlattener.Flatten(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev)).ToDictionary(p => p.Key, p => p.Value);
        flat["services[backend].desired_count"].Should().Be("1");
        flat["storage.buckets[results].lifecycle[results-to-glacier].transition_to_glacier_after_days"].Should().Be("30");
        flat["api.cors_allowed_origins"].Should().Be("[*]");
        flat["api.throttles[backtests].rate_limit"].Should().Be("10");
        flat["network.availability_zone_count"].Should().Be("2");
        flat["storage.tables[config-versions].schema.local_indexes[version_number-index].sort_key.type"].Should().Be("N");
    }

    [Fact]
    public void Dev_and_prod_differ_in_the_section_8_settings()
    {
        var diff = InfraConfigDiff.Compare(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), InfraConfigResolver.Resolve(DeploymentEnvironment.Prod))
            .ToDictionary(d => d.Path);

        diff["services[backend].desired_count"].Should().Be(new InfraDifference("services[backend].desired_count", "1", "2"));
        diff["storage.rds.instance_class"].Should().Be(new InfraDifference("storage.rds.instance_class", "db.t4g.micro", "db.t4g.small"));
        diff["storage.rds.allocated_storage_gb"].Right.Should().Be("50");
        diff["storage.rds.multi_az"].Right.Should().Be("true");
        diff["storage.rds.backup_retention_days"].Right.Should().Be("14");
        diff["compute.consolidated_mode"].Should().Be(new InfraDifference("compute.consolidated_mode", "true", "false"));
        diff["compute.log_retention_days"].Right.Should().Be("90");
        diff["api.cors_allowed_origins"].Should().Be(new InfraDifference("api.cors_allowed_origins", "[*]", "[]"));
        diff["services[dry-run-trading].capacity"].Right.Should().Be("spot");
        diff["auth.ws_secret.auto_generate"].Left.Should().Be("true");
        diff["environment.name"].Should().Be(new InfraDifference("environment.name", "dev", "prod"));

        // Same in every environment: not a difference.
        diff.Keys.Should().NotContain(["api.throttles[default].rate_limit", "auth.cognito.mfa_required", "storage.buckets[logs].lifecycle[logs-expire].expire_after_days"]);

        // Names that differ only by their environment suffix are not differences unless asked for.
        diff.Keys.Should().NotContain("storage.buckets[configs].name");
        InfraConfigDiff.Compare(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), InfraConfigResolver.Resolve(DeploymentEnvironment.Prod), includeNaming: true)
            .Should().Contain(new InfraDifference("storage.buckets[configs].name", "tradai-configs-dev", "tradai-configs-prod"));
    }

    [Fact]
    public void Paths_present_on_one_side_only_are_reported()
    {
        var withRepo = InfraConfigResolver.Resolve(DeploymentEnvironment.Dev, InfraContext.From([new("strategy_ecr_repos", "momentum")]));
        var diff = InfraConfigDiff.Compare(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), withRepo);
        diff.Should().Contain(new InfraDifference("ecr.strategy_repositories[momentum].name", null, "tradai-strategy-momentum-dev"));
        diff.Should().Contain(d => d.Path == "ecr.strategy_repositories" && d.Left == "[]" && d.Right == null);
    }

    [Fact]
    public void An_environment_does_not_differ_from_itself()
    {
        foreach (var env in DeploymentEnvironments.All)
        {
            InfraConfigDiff.Compare(InfraConfigResolver.Resolve(env), InfraConfigResolver.Resolve(env), includeNaming: true).Should().BeEmpty();
        }
    }

    [Fact]
    public void Diffing_the_other_way_round_swaps_the_sides()
    {
        foreach (var a in DeploymentEnvironments.All)
        {
            foreach (var b in DeploymentEnvironments.All)
            {
                var forward = InfraConfigDiff.Compare(InfraConfigResolver.Resolve(a), InfraConfigResolver.Resolve(b));
                var backward = InfraConfigDiff.Compare(InfraConfigResolver.Resolve(b), InfraConfigResolver.Resolve(a));
                backward.Select(d => new InfraDifference(d.Path, d.Right, d.Left)).Should().BeEquivalentTo(forward);
            }
        }
    }
}
