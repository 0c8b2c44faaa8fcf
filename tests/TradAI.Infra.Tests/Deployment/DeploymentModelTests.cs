using System.Text.RegularExpressions;
using AwesomeAssertions;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Deployment.Tables;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.Deployment;

/// <summary>The one home of the deployed world: environment names, resource names, the versions-table schema and the service profiles.</summary>
public sealed partial class DeploymentModelTests
{
    [Theory]
    [InlineData("dev", DeploymentEnvironment.Dev)]
    [InlineData(" Staging ", DeploymentEnvironment.Staging)]
    [InlineData("PROD", DeploymentEnvironment.Prod)]
    public void An_environment_has_one_spelling_in_any_case(string text, DeploymentEnvironment expected)
    {
        DeploymentEnvironments.TryParse(text, out var env).Should().BeTrue();
        env.Should().Be(expected);
        DeploymentEnvironments.TryParse(env.ToName(), out var back).Should().BeTrue();
        back.Should().Be(env);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("development")]
    [InlineData("qa")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_spellings_name_no_environment(string? text) => DeploymentEnvironments.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Resource_names_are_project_name_env()
    {
        ResourceNames.Of("tradai", "configs", DeploymentEnvironment.Dev).Should().Be("tradai-configs-dev");
        ResourceNames.ConfigBucket(DeploymentEnvironment.Prod).Should().Be("tradai-configs-prod");
        ResourceNames.VersionsTable(DeploymentEnvironment.Staging, "acme").Should().Be("acme-config-versions-staging");
        ResourceNames.Stack("persistent", DeploymentEnvironment.Dev).Should().Be("tradai-persistent-dev");
        var blank = () => ResourceNames.Of(" ", "configs", DeploymentEnvironment.Dev);
        blank.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_versions_table_defines_exactly_the_attributes_its_keys_and_indexes_use()
    {
        VersionsTable.Schema.KeyAttributes.Select(k => (k.Name, k.TypeCode)).Should().Equal(
            ("strategy_name", "S"), ("config_id", "S"), ("status", "S"), ("config_hash", "S"), ("version_number", "N"));
        VersionsTable.Schema.LocalIndexes.Should().ContainSingle().Which.Name.Should().Be(VersionsTable.VersionNumberIndex);
        VersionsTable.Schema.GlobalIndexes.Select(i => i.Name).Should().Equal(VersionsTable.StatusIndex, VersionsTable.ConfigHashIndex);
    }

    [Fact]
    public void The_stacks_deploy_exactly_the_profiled_services()
    {
        foreach (var env in DeploymentEnvironments.All)
        {
            var config = InfraConfigResolver.Resolve(env);
            config.Services.Select(s => (s.Name, s.EnvPrefix, s.Port, s.HealthCheckPath, s.Repository))
                .Should().Equal(ServiceProfiles.All.Select(p => (p.Name, p.EnvPrefix, p.Port, p.HealthCheckPath, p.Repository)));
        }
    }

    [Fact]
    public void Each_service_has_its_own_name_prefix_and_variables()
    {
        ServiceProfiles.All.Select(p => p.Name).Should().OnlyHaveUniqueItems();
        ServiceProfiles.All.Select(p => p.EnvPrefix).Should().OnlyHaveUniqueItems();
        foreach (var profile in ServiceProfiles.All)
        {
            profile.EnvPrefix.Should().MatchRegex("^[A-Z][A-Z_]*_$");
            var variables = profile.Environment.Select(e => e.Variable).Concat(profile.Secrets.Select(s => s.Variable)).ToList();
            variables.Should().OnlyHaveUniqueItems(profile.Name);
            variables.Should().AllSatisfy(v => VariablePattern().IsMatch(v).Should().BeTrue(v));
        }

        ServiceProfiles.Find(" Backend ").Should().BeSameAs(ServiceProfiles.Backend);
        ServiceProfiles.Find("strategy").Should().BeNull();
    }

    [Fact]
    public void A_service_is_granted_only_what_its_variables_name_and_its_S3_CONFIG_bucket()
    {
        foreach (var profile in ServiceProfiles.All)
        {
            foreach (var permission in profile.Permissions)
            {
                var named = permission.Resource switch
                {
                    ResourceKind.Bucket => profile.Environment.Any(e => e.Value is EnvValueKind.BucketName or EnvValueKind.BucketUri && e.Target == permission.Key)
                        || (permission.Key == ResourceKeys.Buckets.Configs && permission.Access == AccessLevel.Read),
                    ResourceKind.Table => profile.Environment.Any(e => e.Value == EnvValueKind.TableName && e.Target == permission.Key),
                    ResourceKind.Queue => profile.Environment.Any(e => e.Value == EnvValueKind.BacktestQueueUrl),
                    _ => profile.Environment.Any(e => e.Value == EnvValueKind.BacktestStateMachineArn),
                };
                named.Should().BeTrue($"{profile.Name} is granted {permission.Access} on {permission.Resource} {permission.Key}");
            }

            profile.Permissions.Should().Contain(p => p.Resource == ResourceKind.Bucket && p.Key == ResourceKeys.Buckets.Configs, $"{profile.Name} reads its S3_CONFIG");
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex VariablePattern();
}
