using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.EnvFiles;

/// <summary>Service env files derive from the infra config; values that need an account or a deployment are never made up.</summary>
public sealed class ServiceEnvFileTests
{
    [Fact]
    public void Backend_env_file_carries_the_names_the_stacks_create()
    {
        var config = InfraConfigResolver.Resolve(DeploymentEnvironment.Staging);
        var file = ServiceEnvFiles.Build(config, "backend");
        var values = file.KnownValues.ToDictionary(kv => kv.Key, kv => kv.Value);

        values["BACKEND_S3_CONFIG_BUCKET"].Should().Be(config.Storage.Bucket("configs").Name).And.Be("tradai-configs-staging");
        values["BACKEND_DYNAMODB_TABLE_NAME"].Should().Be("tradai-config-versions-staging");
        values["BACKEND_ECS_CLUSTER"].Should().Be("tradai-cluster-staging");
        values["BACKEND_ENVIRONMENT"].Should().Be("staging");
        values["BACKEND_AWS_REGION"].Should().Be("us-east-1");
        values["BACKEND_DATA_COLLECTION_URL"].Should().Be("http://data-collection.tradai-staging.local:8002");
        values["BACKEND_CORS_ORIGINS"].Should().Be("[]");
        values.Should().NotContainKey("BACKEND_SQS_QUEUE_URL");
    }

    [Fact]
    public void No_cors_origins_reach_the_service_as_none_not_as_unset()
    {
        // A blank variable counts as unset, and unset means every origin in dev: the empty list must be explicit.
        var config = InfraConfigResolver.Resolve(DeploymentEnvironment.Dev, TradAI.Infra.Context.InfraContext.From([new("cors_allowed_origins", "[]")]));
        var values = ServiceEnvFiles.Build(config, "backend").KnownValues.ToDictionary(kv => kv.Key, kv => kv.Value);

        var settings = TradAI.Settings.Loading.SettingsLoader.Load<TradAI.Settings.Services.BackendSettings>(new() { Environment = values, EnvFiles = [], LoadS3Config = false });

        values["BACKEND_CORS_ORIGINS"].Should().Be("[]");
        settings.CorsOrigins.Should().BeEmpty();
    }

    [Fact]
    public void Secrets_are_named_with_where_they_come_from_and_never_given_a_value()
    {
        var file = ServiceEnvFiles.Build(InfraConfigResolver.Resolve(DeploymentEnvironment.Prod), "mlflow");

        file.Secrets.Select(s => (s.Name, s.Origin)).Should().Equal(
            ("MLFLOW_DB_HOST", "secretsmanager:tradai-rds-credentials-prod#host"),
            ("MLFLOW_DB_USERNAME", "secretsmanager:tradai-rds-credentials-prod#username"),
            ("MLFLOW_DB_PASSWORD", "secretsmanager:tradai-rds-credentials-prod#password"));
        file.Render().Should().Contain("# MLFLOW_DB_PASSWORD= secret, injected by ECS from Secrets Manager: secretsmanager:tradai-rds-credentials-prod#password\n");
        file.KnownValues.Should().NotContain(kv => kv.Key.StartsWith("MLFLOW_DB_PASSWORD", StringComparison.Ordinal));
        ServiceEnvFiles.Build(InfraConfigResolver.Resolve(DeploymentEnvironment.Staging), "backend").Secrets.Single().Name.Should().Be("BACKEND_WEBSOCKET_SECRET_KEY");
    }

    [Fact]
    public void Service_names_are_matched_case_insensitively()
    {
        ServiceEnvFiles.Build(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), "Strategy-Service").Service.Name.Should().Be("strategy-service");
    }

    [Fact]
    public void Without_an_account_the_account_values_are_commented_with_how_to_get_them()
    {
        var text = ServiceEnvFiles.Build(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), "backend").Render();
        text.Should().Contain("BACKEND_S3_CONFIG_BUCKET=tradai-configs-dev\n");
        text.Should().Contain("# BACKEND_SQS_QUEUE_URL= needs the AWS account id: rerun with --account ID (https://sqs.us-east-1.amazonaws.com/{account}/tradai-backtest-jobs-dev)");
        text.Should().Contain("# BACKEND_STEPFUNCTIONS_STATE_MACHINE_ARN= needs the AWS account id");
        text.Should().Contain("# BACKEND_COGNITO_USER_POOL_ID= exists only after deployment: output UserPoolId of stack tradai-foundation-dev");
        text.Should().Contain("BACKEND_CORS_ORIGINS=*\n");
    }

    [Fact]
    public void With_an_account_queue_url_and_state_machine_arn_are_filled_in()
    {
        var file = ServiceEnvFiles.Build(InfraConfigResolver.Resolve(DeploymentEnvironment.Prod), "backend", DeploymentFacts.ForAccount("123456789012"));
        var values = file.KnownValues.ToDictionary(kv => kv.Key, kv => kv.Value);
        values["BACKEND_SQS_QUEUE_URL"].Should().Be("https://sqs.us-east-1.amazonaws.com/123456789012/tradai-backtest-jobs-prod");
        values["BACKEND_STEPFUNCTIONS_STATE_MACHINE_ARN"].Should().Be("arn:aws:states:us-east-1:123456789012:stateMachine:tradai-backtest-workflow-prod");
        file.Render().Should().Contain("# BACKEND_COGNITO_CLIENT_ID= exists only after deployment");
    }

    [Fact]
    public void China_regions_use_their_partition_and_domain()
    {
        var config = InfraConfigResolver.Resolve(TradAI.Infra.Resolution.InfraSources.FromContext(
            TradAI.Infra.Context.InfraContext.From([new("environment", "dev"), new("region", "cn-north-1")])));
        var values = ServiceEnvFiles.Build(config, "backend", DeploymentFacts.ForAccount("123456789012")).KnownValues.ToDictionary(kv => kv.Key, kv => kv.Value);
        values["BACKEND_STEPFUNCTIONS_STATE_MACHINE_ARN"].Should().StartWith("arn:aws-cn:states:cn-north-1:");
        values["BACKEND_SQS_QUEUE_URL"].Should().StartWith("https://sqs.cn-north-1.amazonaws.com.cn/");
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901a")]
    [InlineData("arn:aws:iam::123456789012:root")]
    public void A_malformed_account_is_refused(string account)
    {
        var act = () => DeploymentFacts.ForAccount(account);
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("--account").And.Contain("12 digits");
    }

    [Fact]
    public void An_unknown_service_lists_the_known_ones()
    {
        var act = () => ServiceEnvFiles.Build(InfraConfigResolver.Resolve(DeploymentEnvironment.Dev), "frontend");
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain("--service").And.Contain("backend, strategy-service");
    }

    [Fact]
    public void Every_service_has_an_env_file_with_its_own_prefix()
    {
        var config = InfraConfigResolver.Resolve(DeploymentEnvironment.Dev);
        foreach (var service in config.Services)
        {
            var file = ServiceEnvFiles.Build(config, service.Name);
            file.Entries.Should().AllSatisfy(e => e.Name.Should().StartWith(service.EnvPrefix));
            file.KnownValues.Should().Contain(new KeyValuePair<string, string>(service.EnvPrefix + "PORT", service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
