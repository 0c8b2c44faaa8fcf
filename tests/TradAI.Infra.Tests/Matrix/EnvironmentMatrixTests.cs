using System.Text.Json;
using Amazon.CDK.Assertions;
using AwesomeAssertions;
using TradAI.Infra.Tests.Synthesis;
using static TradAI.Infra.Tests.Synthesis.Props;

namespace TradAI.Infra.Tests.Matrix;

/// <summary>
/// SPEC §8, "Environment-Specific Overrides Table": every row, for dev, staging and prod, asserted against the
/// synthesized CloudFormation (each environment is synthesized once and shared).
/// </summary>
public sealed class EnvironmentMatrixTests(SynthesizedApps apps)
{
    [Theory]
    [InlineData("dev", 1)]
    [InlineData("staging", 1)]
    [InlineData("prod", 2)]
    public void Ecs_desired_count_of_the_backend(string env, int count) =>
        apps.For(env).Compute.HasResourceProperties("AWS::ECS::Service", Of(("ServiceName", $"tradai-backend-{env}"), ("DesiredCount", count)));

    [Theory]
    [InlineData("dev", "db.t4g.micro")]
    [InlineData("staging", "db.t4g.micro")]
    [InlineData("prod", "db.t4g.small")]
    public void Rds_instance_class(string env, string instanceClass) =>
        apps.For(env).Persistent.HasResourceProperties("AWS::RDS::DBInstance", Of(("DBInstanceClass", instanceClass)));

    [Theory]
    [InlineData("dev", "20")]
    [InlineData("staging", "20")]
    [InlineData("prod", "50")]
    public void Rds_allocated_storage_in_gb(string env, string gigabytes) =>
        apps.For(env).Persistent.HasResourceProperties("AWS::RDS::DBInstance", Of(("AllocatedStorage", gigabytes)));

    [Theory]
    [InlineData("dev", false)]
    [InlineData("staging", false)]
    [InlineData("prod", true)]
    public void Rds_multi_az(string env, bool multiAz) =>
        apps.For(env).Persistent.HasResourceProperties("AWS::RDS::DBInstance", Of(("MultiAZ", multiAz)));

    [Theory]
    [InlineData("dev", 7)]
    [InlineData("staging", 7)]
    [InlineData("prod", 14)]
    public void Rds_backup_retention_in_days(string env, int days) =>
        apps.For(env).Persistent.HasResourceProperties("AWS::RDS::DBInstance", Of(("BackupRetentionPeriod", days)));

    [Theory]
    [InlineData("dev", true)]
    [InlineData("staging", true)]
    [InlineData("prod", false)]
    public void Consolidated_ec2_mode_or_fargate(string env, bool consolidated)
    {
        var synth = apps.For(env);
        synth.Compute.ResourceCountIs("AWS::AutoScaling::AutoScalingGroup", consolidated ? 1 : 0);
        synth.Compute.ResourceCountIs("AWS::ECS::CapacityProvider", consolidated ? 1 : 0);

        var services = synth.Resources("Compute", "AWS::ECS::Service");
        services.Should().HaveCount(synth.Config.Services.Count);
        foreach (var (_, props) in services)
        {
            var provider = props.GetProperty("CapacityProviderStrategy")[0].GetProperty("CapacityProvider");
            if (consolidated)
            {
                // The consolidated host's capacity provider, referenced by construct, never a Fargate one.
                provider.ValueKind.Should().Be(JsonValueKind.Object);
            }
            else
            {
                provider.GetString().Should().BeOneOf("FARGATE", "FARGATE_SPOT");
            }
        }

        // Service task definitions target EC2 or Fargate accordingly (the backtest runner is always Fargate).
        var compat = consolidated ? "EC2" : "FARGATE";
        foreach (var service in synth.Config.Services)
        {
            synth.Compute.HasResourceProperties("AWS::ECS::TaskDefinition", Of(
                ("Family", service.ServiceName),
                ("RequiresCompatibilities", new[] { compat }),
                ("NetworkMode", "awsvpc")));
        }
    }

    [Theory]
    [InlineData("dev", 30)]
    [InlineData("staging", 30)]
    [InlineData("prod", 90)]
    public void Cloudwatch_log_retention_of_every_log_group(string env, int days)
    {
        var groups = apps.For(env).Resources("Compute", "AWS::Logs::LogGroup");
        groups.Should().HaveCount(apps.For(env).Config.Services.Count + apps.For(env).Config.Schedules.Lambdas.Count + 1);
        groups.Should().AllSatisfy(g => g.Properties.GetProperty("RetentionInDays").GetInt32().Should().Be(days));
    }

    [Fact]
    public void Cors_allows_every_origin_in_dev() =>
        apps.For("dev").Edge.HasResourceProperties("AWS::ApiGatewayV2::Api", Of(
            ("CorsConfiguration", Match.ObjectLike(Of(("AllowOrigins", new[] { "*" }))))));

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Cors_allows_no_origin_in_staging_and_prod(string env) =>
        apps.For(env).Edge.HasResourceProperties("AWS::ApiGatewayV2::Api", Of(("CorsConfiguration", Match.Absent())));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public void Trading_services_do_not_run_outside_prod(string env)
    {
        var compute = apps.For(env).Compute;
        compute.HasResourceProperties("AWS::ECS::Service", Of(("ServiceName", $"tradai-live-trading-{env}"), ("DesiredCount", 0)));
        compute.HasResourceProperties("AWS::ECS::Service", Of(("ServiceName", $"tradai-dry-run-trading-{env}"), ("DesiredCount", 0)));
        apps.For(env).Resources("Compute", "AWS::ECS::Service")
            .Select(s => s.Properties.GetProperty("CapacityProviderStrategy").GetRawText())
            .Should().AllSatisfy(strategy => strategy.Should().NotContain("FARGATE_SPOT"));
    }

    [Fact]
    public void Live_trading_runs_on_demand_in_prod() =>
        apps.For("prod").Compute.HasResourceProperties("AWS::ECS::Service", Of(
            ("ServiceName", "tradai-live-trading-prod"),
            ("DesiredCount", 1),
            ("CapacityProviderStrategy", new[] { Of(("CapacityProvider", "FARGATE"), ("Weight", 1)) })));

    [Fact]
    public void Dry_run_trading_runs_on_spot_in_prod() =>
        apps.For("prod").Compute.HasResourceProperties("AWS::ECS::Service", Of(
            ("ServiceName", "tradai-dry-run-trading-prod"),
            ("DesiredCount", 1),
            ("CapacityProviderStrategy", new[] { Of(("CapacityProvider", "FARGATE_SPOT"), ("Weight", 1)) })));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Results_bucket_moves_objects_to_glacier_after_30_days(string env) =>
        apps.For(env).Persistent.HasResourceProperties("AWS::S3::Bucket", Of(
            ("BucketName", $"tradai-results-{env}"),
            ("LifecycleConfiguration", Of(("Rules", new[]
            {
                Match.ObjectLike(Of(
                    ("Status", "Enabled"),
                    ("Transitions", new[] { Of(("StorageClass", "GLACIER"), ("TransitionInDays", 30)) }))),
            })))));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Logs_bucket_deletes_objects_after_90_days(string env) =>
        apps.For(env).Persistent.HasResourceProperties("AWS::S3::Bucket", Of(
            ("BucketName", $"tradai-logs-{env}"),
            ("LifecycleConfiguration", Of(("Rules", new[] { Match.ObjectLike(Of(("Status", "Enabled"), ("ExpirationInDays", 90))) })))));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Api_default_throttle_is_100_per_second_burst_200(string env) =>
        apps.For(env).Edge.HasResourceProperties("AWS::ApiGatewayV2::Stage", Of(
            ("DefaultRouteSettings", Match.ObjectLike(Of(("ThrottlingRateLimit", 100), ("ThrottlingBurstLimit", 200))))));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Api_backtest_throttle_is_10_per_second_burst_20(string env)
    {
        var synth = apps.For(env);
        synth.Edge.HasResourceProperties("AWS::ApiGatewayV2::Stage", Of(
            ("RouteSettings", Of(("ANY /api/v1/backtests/{proxy+}", Of(("ThrottlingRateLimit", 10), ("ThrottlingBurstLimit", 20)))))));

        // The throttled route key is a real route of the API.
        synth.Edge.HasResourceProperties("AWS::ApiGatewayV2::Route", Of(("RouteKey", "ANY /api/v1/backtests/{proxy+}")));
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("staging", false)]
    [InlineData("prod", false)]
    public void Local_executor_is_allowed_only_in_dev(string env, bool allowed)
    {
        // The settings validator (application side) decides from the environment name the infrastructure hands the
        // backend; the infra config records the rule and the container gets the environment and the ECS executor.
        var synth = apps.For(env);
        synth.Config.Environment.LocalExecutorAllowed.Should().Be(allowed);
        synth.Compute.HasResourceProperties("AWS::ECS::TaskDefinition", Of(
            ("Family", $"tradai-backend-{env}"),
            ("ContainerDefinitions", new[]
            {
                Match.ObjectLike(Of(("Environment", Match.ArrayWith(new object[]
                {
                    Of(("Name", "BACKEND_ENVIRONMENT"), ("Value", env)),
                    Of(("Name", "BACKEND_EXECUTOR_MODE"), ("Value", "ecs")),
                })))),
            })));
    }

    [Fact]
    public void Ws_secret_key_is_generated_in_dev()
    {
        var synth = apps.For("dev");
        synth.Persistent.HasResourceProperties("AWS::SecretsManager::Secret", Of(
            ("Name", "tradai-ws-secret-key-dev"),
            ("GenerateSecretString", Match.ObjectLike(Of(("PasswordLength", 64))))));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Ws_secret_key_must_be_explicit_in_staging_and_prod(string env)
    {
        var synth = apps.For(env);

        // No generated secret: the stacks only reference the one an operator created under the configured name.
        synth.Persistent.ResourcePropertiesCountIs("AWS::SecretsManager::Secret", Of(("Name", $"tradai-ws-secret-key-{env}")), 0);
        var backend = synth.Resources("Compute", "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties.GetProperty("Family").GetString() == $"tradai-backend-{env}").Properties;
        var secret = backend.GetProperty("ContainerDefinitions")[0].GetProperty("Secrets").EnumerateArray()
            .Single(s => s.GetProperty("Name").GetString() == "BACKEND_WEBSOCKET_SECRET_KEY");
        secret.GetProperty("ValueFrom").GetRawText().Should().Contain($"secret:tradai-ws-secret-key-{env}");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Cognito_mfa_is_required(string env) =>
        apps.For(env).Foundation.HasResourceProperties("AWS::Cognito::UserPool", Of(
            ("UserPoolName", $"tradai-users-{env}"),
            ("MfaConfiguration", "ON"),
            ("EnabledMfas", new[] { "SOFTWARE_TOKEN_MFA" })));
}
