using AwesomeAssertions;
using TradAI.Config.Core.Errors;
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
        File.WriteAllText(Path.Combine(_root, "infra", ".env"), "# deploy settings\nAWS_PROFILE=\"tradai-dev\"\nPROJECT_NAME=dotenvproj\nTRADAI_INFRA_TEST_ONLY=from-file\n");

        var sources = InfraSources.FromProcess(InfraContext.Empty.With("environment", "dev"), _root);
        sources.DotEnvPath.Should().EndWith(Path.Combine("infra", ".env"));
        sources.Variable("TRADAI_INFRA_TEST_ONLY").Should().Be("from-file");
        sources.Variable("AWS_PROFILE").Should().Be(Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "tradai-dev");
        var expectedProject = Environment.GetEnvironmentVariable("PROJECT_NAME") ?? "dotenvproj";
        InfraConfigResolver.Resolve(sources).Environment.ProjectName.Should().Be(expectedProject);
        Environment.GetEnvironmentVariable("TRADAI_INFRA_TEST_ONLY").Should().BeNull("reading the file does not set process variables");
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
