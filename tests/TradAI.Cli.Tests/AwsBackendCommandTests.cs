using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3.Model;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Testing;

namespace TradAI.Cli.Tests;

/// <summary>`--backend aws` for the config and strategy commands, against the S3 emulator (fauxqs).</summary>
public sealed class AwsBackendCommandTests
{
    private static async Task<string> NewBucketAsync()
    {
        using var s3 = new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.S3,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        }).CreateS3();
        var name = $"cli-{Guid.NewGuid():N}"[..30];
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = name }, TestContext.Current.CancellationToken);
        return name;
    }

    private static Task<CliProcess.Result> Run(string bucket, string? stdin, params string[] args) =>
        CliProcess.RunAsync(
            [.. args, "--backend", "aws", "--endpoint-url", EmulatorEndpoints.S3, "--bucket", bucket, "--prefix", "strategies/"],
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test", ["AWS_REGION"] = "us-east-1" },
            stdin);

    [Fact]
    public async Task Config_and_strategy_commands_work_on_s3()
    {
        var bucket = await NewBucketAsync();
        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "configs", "momentum-btc.yaml"), TestContext.Current.CancellationToken);

        Assert.Equal(0, (await Run(bucket, yaml, "config", "put", "momentum-btc", "--file", "-")).ExitCode);
        var list = await Run(bucket, null, "config", "list");
        Assert.Equal((0, "momentum-btc\n"), (list.ExitCode, list.Stdout));
        Assert.Equal(0, (await Run(bucket, null, "config", "exists", "momentum-btc")).ExitCode);

        var load = await Run(bucket, null, "strategy", "load", "momentum-btc", "--set", "timeframe=4h", "-o", "json");
        Assert.Equal(0, load.ExitCode);
        using var doc = JsonDocument.Parse(load.Stdout);
        Assert.Equal("momentum-btc-4h", doc.RootElement.GetProperty("freqai").GetProperty("identifier").GetString());

        Assert.Equal(3, (await Run(bucket, null, "strategy", "load", "missing")).ExitCode);
        Assert.Equal(0, (await Run(bucket, null, "config", "delete", "momentum-btc")).ExitCode);
        Assert.Equal(3, (await Run(bucket, null, "config", "exists", "momentum-btc")).ExitCode);
    }

    [Fact]
    public async Task Bad_documents_are_refused_and_nothing_is_written_to_s3()
    {
        var bucket = await NewBucketAsync();
        var r = await Run(bucket, "a: [1,\n", "config", "put", "broken", "--file", "-");
        Assert.Equal(1, r.ExitCode);

        // The listing succeeds and is empty: an empty stdout from a failed list would prove nothing.
        var list = await Run(bucket, null, "config", "list");
        Assert.Equal((0, "", ""), (list.ExitCode, list.Stdout, list.Stderr));
        Assert.Equal(3, (await Run(bucket, null, "config", "exists", "broken")).ExitCode);
    }

    [Fact]
    public async Task A_missing_bucket_is_an_external_service_error_for_every_command_not_a_missing_config()
    {
        var bucket = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var args in new[] { new[] { "config", "list" }, ["config", "exists", "x"], ["config", "delete", "x"], ["config", "show", "x"] })
        {
            var r = await Run(bucket, null, args);
            Assert.True(r.ExitCode == 5, $"{string.Join(' ', args)}: exit {r.ExitCode} {r.Stderr}");
            Assert.Contains("the bucket does not exist", r.Stderr);
            Assert.Equal("", r.Stdout);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
    }

    [Fact]
    public async Task An_unreachable_registry_falls_back_to_the_store_only_when_asked()
    {
        var bucket = await NewBucketAsync();
        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "configs", "mean-reversion-eth.yaml"), TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Run(bucket, yaml, "config", "put", "mean-reversion-eth", "--file", "-")).ExitCode);
        var env = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_REGION"] = "us-east-1",
            ["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:9", // discard port: nothing listens
        };
        string[] common = ["--backend", "aws", "--endpoint-url", EmulatorEndpoints.S3, "--bucket", bucket, "--prefix", "strategies/"];

        var strict = await CliProcess.RunAsync(["strategy", "load", "mean-reversion-eth", "--from-mlflow", .. common], env);
        Assert.Equal(5, strict.ExitCode);

        var fallback = await CliProcess.RunAsync(["strategy", "load", "mean-reversion-eth", "--from-mlflow", "--fallback", "-o", "json", .. common], env);
        Assert.Equal(0, fallback.ExitCode);
        Assert.Contains("warning:", fallback.Stderr);
        using var doc = JsonDocument.Parse(fallback.Stdout);
        Assert.Equal("mean-reversion-eth", doc.RootElement.GetProperty("name").GetString());
    }
}
