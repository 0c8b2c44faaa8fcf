using AwesomeAssertions;
using TradAI.Deployment.Environments;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

public sealed class AliasTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("eu-west-1", "eu-west-2", "eu-west-3", "eu-west-1", "BACKEND_AWS_REGION")]
    [InlineData(null, "eu-west-2", "eu-west-3", "eu-west-2", "AWS_REGION")]
    [InlineData(null, null, "eu-west-3", "eu-west-3", "AWS_DEFAULT_REGION")]
    [InlineData(null, null, null, "us-east-1", null)]
    public void The_first_present_name_of_the_alias_chain_wins(string? prefixed, string? awsRegion, string? awsDefault, string expected, string? expectedVariable)
    {
        var vars = new Dictionary<string, string>();
        if (prefixed is not null)
        {
            vars["BACKEND_AWS_REGION"] = prefixed;
        }

        if (awsRegion is not null)
        {
            vars["AWS_REGION"] = awsRegion;
        }

        if (awsDefault is not null)
        {
            vars["AWS_DEFAULT_REGION"] = awsDefault;
        }

        var resolution = SettingsLoader.Resolve<BackendSettings>(new SettingsLoadOptions { Environment = vars, EnvFiles = [] });

        resolution.Value.AwsRegion.Should().Be(expected);
        resolution.Entries.Single(e => e.Name == "aws_region").Source.Key.Should().Be(expectedVariable);
    }

    [Fact]
    public void An_alias_in_the_environment_beats_the_prefixed_name_in_an_env_file()
    {
        var file = _dir.Write("a.env", "BACKEND_AWS_REGION=eu-north-1\n");
        var settings = SettingsLoader.Load<BackendSettings>(new SettingsLoadOptions { Environment = TestEnv.Vars(("AWS_REGION", "ap-south-1")), EnvFiles = [file] });

        settings.AwsRegion.Should().Be("ap-south-1");
    }

    [Fact]
    public void Mixin_fields_take_the_service_prefix_first_then_the_tools_own_variable()
    {
        var both = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("BACKEND_MLFLOW_TRACKING_URI", "http://backend-mlflow:5000"), ("MLFLOW_TRACKING_URI", "http://mlflow:5000")));
        var onlyStandard = SettingsLoader.Load<BackendSettings>(TestEnv.Options(("MLFLOW_TRACKING_URI", "http://mlflow:5000")));

        both.Mlflow.TrackingUri.Should().Be("http://backend-mlflow:5000");
        onlyStandard.Mlflow.TrackingUri.Should().Be("http://mlflow:5000");
    }

    [Fact]
    public void The_environment_can_be_set_by_the_unprefixed_name()
    {
        var settings = SettingsLoader.Load<BackendSettings>(TestEnv.Options([("ENVIRONMENT", "prod"), .. TestEnv.ValidNonDevBackend("prod")[1..]]));

        settings.Environment.Should().Be(DeploymentEnvironment.Prod);
    }
}
