using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Infra.Context;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.Config;

/// <summary><c>infra/.env</c> is found from the working directory and read without changing the process environment.</summary>
public sealed class InfraDotEnvTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tradai-dotenv-").FullName;

    [Fact]
    public void Finds_infra_env_from_a_nested_directory_and_from_inside_infra()
    {
        Directory.CreateDirectory(Path.Combine(_root, "infra"));
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "deep")).FullName;
        var file = Path.Combine(_root, "infra", ".env");
        File.WriteAllText(file, "AWS_PROFILE=tradai-dev\n");

        InfraDotEnv.Find(nested).Should().Be(file);
        InfraDotEnv.Find(Path.Combine(_root, "infra")).Should().Be(file);
        InfraDotEnv.Find(Directory.CreateTempSubdirectory("tradai-no-dotenv-").FullName).Should().BeNull();
    }

    [Fact]
    public void Values_feed_resolution_but_the_process_environment_wins()
    {
        Directory.CreateDirectory(Path.Combine(_root, "infra"));
        File.WriteAllText(Path.Combine(_root, "infra", ".env"),
            "# deploy settings\nAWS_PROFILE=\"tradai-dev\"\nPROJECT_NAME=dotenvproj\nENVIRONMENT=staging\nAWS_REGION=eu-west-1\nTRADAI_INFRA_TEST_ONLY=from-file\n");

        // The process sets two of the file's variables (whatever this machine's own environment holds).
        var process = new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_PROFILE"] = "from-process", ["ENVIRONMENT"] = "prod" };
        var sources = InfraSources.FromProcess(InfraContext.Empty, _root, process);
        sources.DotEnvPath.Should().Be(Path.Combine(_root, "infra", ".env"));
        sources.Variable("AWS_PROFILE").Should().Be("from-process");
        sources.Variable("TRADAI_INFRA_TEST_ONLY").Should().Be("from-file");
        var config = InfraConfigResolver.Resolve(sources);
        config.Env.Should().Be(DeploymentEnvironment.Prod, "ENVIRONMENT comes from the process, not the file");
        config.Environment.ProjectName.Should().Be("dotenvproj", "the file fills in what the process does not set");
        config.Environment.Region.Should().Be("eu-west-1");
        config.Environment.RegionSource.Should().Be("env:AWS_REGION");

        // Without those process variables the file's values are used.
        var fileOnly = InfraSources.FromProcess(InfraContext.Empty, _root, new Dictionary<string, string>());
        fileOnly.Variable("AWS_PROFILE").Should().Be("tradai-dev");
        InfraConfigResolver.Resolve(fileOnly).Env.Should().Be(DeploymentEnvironment.Staging);
        Environment.GetEnvironmentVariable("TRADAI_INFRA_TEST_ONLY").Should().BeNull("reading the file does not set process variables");
    }

    [Fact]
    public void The_real_process_environment_is_what_from_process_reads_by_default()
    {
        // A variable only this test sets, so nothing else running in the process can see or change it.
        var name = "TRADAI_INFRA_DOTENV_PROBE_" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Path.Combine(_root, "infra"));
        File.WriteAllText(Path.Combine(_root, "infra", ".env"), $"{name}=from-file\n");
        Environment.SetEnvironmentVariable(name, "from-process");
        try
        {
            InfraSources.FromProcess(InfraContext.Empty, _root).Variable(name).Should().Be("from-process");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        InfraSources.FromProcess(InfraContext.Empty, _root).Variable(name).Should().Be("from-file");
    }

    [Fact]
    public void A_malformed_file_is_a_validation_error_naming_the_file()
    {
        var file = Path.Combine(_root, ".env");
        File.WriteAllText(file, "KEY=\"unterminated\n");
        var act = () => InfraDotEnv.Read(file);
        act.Should().Throw<ConfigValidationException>().Which.Message.Should().Contain(file);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
