using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Core.Errors;
using TradAI.Config.Testing;
using TradAI.Settings.Aws;
using TradAI.Settings.Loading;
using TradAI.Settings.Services;

namespace TradAI.Settings.Tests;

/// <summary>S3_CONFIG as a source: a local YAML file and an object in the S3 emulator (fauxqs).</summary>
public sealed class S3ConfigTests : IAsyncLifetime
{
    private const string Yaml = """
        port: 8400
        log_level: warning
        cors_origins:
          - https://a.example.com
          - https://b.example.com
        mlflow:
          tracking_uri: http://mlflow.internal:5000
          verify_ssl: false
        backend:
          executor_mode: ecs
          ecs_cluster: from-s3
        """;

    private readonly string _bucket = "settings-tests-" + Guid.NewGuid().ToString("N")[..12];
    private readonly TempDir _dir = new();
    private IAmazonS3 _s3 = null!;

    private static AwsClientOptions Emulator => new() { EndpointUrl = EmulatorEndpoints.S3, Region = "us-east-1", Credentials = new BasicAWSCredentials("x", "x") };

    public async ValueTask InitializeAsync()
    {
        _s3 = new AwsClientFactory(Emulator).CreateS3();
        await _s3.PutBucketAsync(_bucket, TestContext.Current.CancellationToken);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "backend/dev.yaml", ContentBody = Yaml }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _s3.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void AssertFromYaml(SettingsResolution<BackendSettings> resolution, string location)
    {
        var settings = resolution.Value;
        settings.Port.Should().Be(8400);
        settings.LogLevel.Should().Be("WARNING");
        settings.CorsOrigins.Should().Equal("https://a.example.com", "https://b.example.com");
        settings.Mlflow.TrackingUri.Should().Be("http://mlflow.internal:5000");
        settings.Mlflow.VerifySsl.Should().BeFalse();
        settings.ExecutorMode.Should().Be(ExecutorMode.Ecs);
        settings.EcsCluster.Should().Be("from-s3");
        resolution.S3ConfigLocation.Should().Be(location);
        resolution.Entries.Single(e => e.Name == "ecs_cluster").Source.ToString().Should().Be($"S3_CONFIG {location} (backend_ecs_cluster)");
    }

    [Fact]
    public async Task A_local_yaml_file_named_by_S3_CONFIG_is_a_source()
    {
        _dir.Write("conf/backend.yaml", Yaml);
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", "conf/backend.yaml")), EnvFiles = [], BaseDirectory = _dir.Path };

        AssertFromYaml(await SettingsLoader.ResolveAsync<BackendSettings>(options, TestContext.Current.CancellationToken), "conf/backend.yaml");
        AssertFromYaml(SettingsLoader.Resolve<BackendSettings>(options), "conf/backend.yaml");
    }

    [Fact]
    public async Task An_s3_url_in_S3_CONFIG_is_read_from_the_bucket()
    {
        var location = $"s3://{_bucket}/backend/dev.yaml";
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("BACKEND_S3_CONFIG", location)), EnvFiles = [] }.WithS3(Emulator);

        AssertFromYaml(await SettingsLoader.ResolveAsync<BackendSettings>(options, TestContext.Current.CancellationToken), location);
        AssertFromYaml(SettingsLoader.Resolve<BackendSettings>(options), location);
    }

    [Fact]
    public async Task The_s3_endpoint_can_come_from_the_injected_environment()
    {
        var location = $"s3://{_bucket}/backend/dev.yaml";
        var env = TestEnv.Vars(("S3_CONFIG", location), ("AWS_ENDPOINT_URL_S3", EmulatorEndpoints.S3), ("AWS_REGION", "us-east-1"), ("AWS_ACCESS_KEY_ID", "x"), ("AWS_SECRET_ACCESS_KEY", "x"));

        var settings = await SettingsLoader.LoadAsync<BackendSettings>(new SettingsLoadOptions { Environment = env, EnvFiles = [] }.WithS3(), TestContext.Current.CancellationToken);

        settings.EcsCluster.Should().Be("from-s3");
    }

    [Fact]
    public async Task S3_CONFIG_may_be_named_in_an_env_file_and_ranks_below_env_files_and_variables()
    {
        var location = $"s3://{_bucket}/backend/dev.yaml";
        var file = _dir.Write(".env", $"S3_CONFIG={location}\nBACKEND_PORT=8401\n");
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("BACKEND_LOG_LEVEL", "error")), EnvFiles = [file] }.WithS3(Emulator);

        var resolution = await SettingsLoader.ResolveAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        resolution.Value.Port.Should().Be(8401);
        resolution.Value.LogLevel.Should().Be("ERROR");
        resolution.Value.EcsCluster.Should().Be("from-s3");
        resolution.S3ConfigSource!.Kind.Should().Be(SettingSourceKind.EnvFile);
    }

    [Fact]
    public async Task A_missing_object_is_not_found()
    {
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", $"s3://{_bucket}/nope.yaml")), EnvFiles = [] }.WithS3(Emulator);

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<NotFoundException>()).WithMessage("*nope.yaml*does not exist*");
    }

    [Fact]
    public async Task Without_an_s3_reader_an_s3_location_says_how_to_add_one_and_reads_nothing()
    {
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", $"s3://{_bucket}/backend/dev.yaml")), EnvFiles = [] };

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<ConfigValidationException>()).Which;
        error.Problems.Single().Path.Should().Be("S3_CONFIG");
        error.Message.Should().Contain("TradAI.Settings.Aws").And.Contain("WithS3()");
    }

    [Fact]
    public void The_settings_library_carries_no_aws_sdk()
    {
        typeof(SettingsLoader).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .Should().NotContain(n => n!.StartsWith("AWSSDK", StringComparison.Ordinal) || n == "TradAI.Config.Aws");
        typeof(S3SettingsDocumentReader).Assembly.GetReferencedAssemblies().Select(a => a.Name).Should().Contain("AWSSDK.S3");
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var big = "x: " + new string('a', 5 * 1024 * 1024) + "\n";
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "big.yaml", ContentBody = big }, TestContext.Current.CancellationToken);
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", $"s3://{_bucket}/big.yaml")), EnvFiles = [] }.WithS3(Emulator);

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("byte limit");
    }

    [Fact]
    public async Task A_missing_local_file_is_not_found()
    {
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", "missing.yaml")), EnvFiles = [], BaseDirectory = _dir.Path };

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3://bucket-only")]
    [InlineData("s3://Bad_Bucket/key.yaml")]
    public async Task A_malformed_s3_url_is_a_validation_error(string location)
    {
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", location)), EnvFiles = [] }.WithS3(Emulator);

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Problems.Single().Path.Should().Be("S3_CONFIG");
    }

    [Fact]
    public async Task Invalid_yaml_is_a_validation_error()
    {
        _dir.Write("bad.yaml", "port: [unclosed\n");
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", "bad.yaml")), EnvFiles = [], BaseDirectory = _dir.Path };

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ConfigValidationException>();
    }

    [Fact]
    public async Task An_s3_object_that_is_not_utf8_is_refused_with_its_byte_offset()
    {
        var ct = TestContext.Current.CancellationToken;
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "backend/latin1.yaml", InputStream = new MemoryStream([.. "backend:\n  ecs_cluster: caf"u8, 0xE9, .. "\n"u8]) }, ct);
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", $"s3://{_bucket}/backend/latin1.yaml")), EnvFiles = [] }.WithS3(Emulator);

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, ct);

        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("invalid UTF-8 at byte 27 (line 2)");
    }

    [Fact]
    public async Task A_local_file_that_is_not_utf8_is_refused()
    {
        File.WriteAllBytes(Path.Combine(_dir.Path, "latin1.yaml"), [.. "port: 8"u8, 0xFF]);
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", "latin1.yaml")), EnvFiles = [], BaseDirectory = _dir.Path };

        var act = () => SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("invalid UTF-8 at byte 7");
    }

    [Fact]
    public async Task Loading_S3_CONFIG_can_be_turned_off()
    {
        var options = new SettingsLoadOptions { Environment = TestEnv.Vars(("S3_CONFIG", "s3://never-read/x.yaml")), EnvFiles = [], LoadS3Config = false };

        var settings = await SettingsLoader.LoadAsync<BackendSettings>(options, TestContext.Current.CancellationToken);

        settings.Port.Should().Be(8000);
    }
}
