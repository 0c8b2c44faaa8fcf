using Amazon.Runtime;
using Amazon.S3;
using AwesomeAssertions;
using TradAI.Config.Aws.Storage;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;
using TradAI.Config.Testing.Http;

namespace TradAI.Config.Aws.Tests.Storage;

/// <summary>
/// S3 failures the emulator cannot produce (access denied, throttling, outages), answered by a loopback server
/// with S3's documented XML error bodies, and parsed by the real SDK client.
/// </summary>
public sealed class S3ErrorMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ErrorXml(string code, string message) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>R1</RequestId><HostId>H1</HostId></Error>";

    private static S3ConfigRepository RepoAt(string endpoint) =>
        new(new AmazonS3Client(new BasicAWSCredentials("x", "x"), new AmazonS3Config
        {
            ServiceURL = endpoint,
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(5),
        }), new S3ConfigRepositoryOptions { Bucket = "tradai-configs-test" });

    [Fact]
    public async Task Access_denied_is_an_external_service_error_with_the_code_and_the_name_as_plain_text()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(403, ErrorXml("AccessDenied", "Access Denied"), "application/xml"));
        var act = () => RepoAt(server.Endpoint).DownloadAsync("tom&jerry's", Ct);

        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Service.Should().Be("s3");
        error.ErrorCode.Should().Be("AccessDenied");
        error.Message.Should().StartWith("Access denied").And.Contain("tom&jerry's").And.NotContain("&amp;");
    }

    [Fact]
    public async Task Throttling_is_an_external_service_error_that_says_to_retry()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(503, ErrorXml("SlowDown", "Please reduce your request rate."), "application/xml"));
        var act = () => RepoAt(server.Endpoint).UploadAsync("cfg", ConfigMapping.Of(("a", 1L)), Ct);

        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("SlowDown");
        error.Message.Should().Contain("throttling").And.Contain("retry");
    }

    [Fact]
    public async Task No_such_key_on_get_is_not_found()
    {
        await using var server = new LoopbackHttpServer(r => r.Method == "HEAD"
            ? new LoopbackResponse(404, string.Empty, "application/xml")
            : new LoopbackResponse(404, ErrorXml("NoSuchKey", "The specified key does not exist."), "application/xml"));
        var act = () => RepoAt(server.Endpoint).DownloadAsync("gone", Ct);
        (await act.Should().ThrowAsync<NotFoundException>()).Which.Message.Should().Contain("gone");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_an_external_service_error_not_a_raw_socket_exception()
    {
        var repo = RepoAt($"http://127.0.0.1:{LoopbackHttpServer.FreePort()}");
        var act = () => repo.ListAsync(Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("NetworkError");
        error.Message.Should().Contain("Cannot reach S3");
    }

    [Fact]
    public async Task An_oversized_object_is_refused_before_it_is_parsed()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, "a: " + new string('x', 2048), "application/yaml"));
        var repo = new S3ConfigRepository(
            new AmazonS3Client(new BasicAWSCredentials("x", "x"), new AmazonS3Config { ServiceURL = server.Endpoint, AuthenticationRegion = "us-east-1", ForcePathStyle = true, MaxErrorRetry = 0 }),
            new S3ConfigRepositoryOptions { Bucket = "tradai-configs-test" },
            new YamlReadOptions { MaxDocumentBytes = 1024 });
        var act = () => repo.DownloadAsync("big", Ct);
        (await act.Should().ThrowAsync<ConfigValidationException>()).Which.Message.Should().Contain("limit");
    }
}
