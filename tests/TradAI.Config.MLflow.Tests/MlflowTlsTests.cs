using AwesomeAssertions;
using TradAI.Config.Core.Errors;
using TradAI.Config.MLflow.Client;

namespace TradAI.Config.MLflow.Tests;

/// <summary>TLS verification against a real HTTPS listener with a self-signed certificate.</summary>
public sealed class MlflowTlsTests
{
    private const string Latest = """{"model_versions":[{"name":"m","version":"3","current_stage":"Production","status":"READY","tags":[]}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        await using var server = new LoopbackHttpsServer(Latest);
        using var client = new MlflowRegistryClient(new MlflowSettings { TrackingUri = server.BaseUri });
        var act = () => client.GetLatestVersionAsync("m", "Production", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("NetworkError");
        server.Answered.Should().Be(0);
    }

    [Fact]
    public async Task Insecure_tls_accepts_the_self_signed_certificate()
    {
        await using var server = new LoopbackHttpsServer(Latest);
        using var client = new MlflowRegistryClient(new MlflowSettings { TrackingUri = server.BaseUri, InsecureSkipTlsVerify = true });
        var version = await client.GetLatestVersionAsync("m", "Production", Ct);
        version!.Version.Should().Be("3");
        server.Answered.Should().Be(1);
    }
}
