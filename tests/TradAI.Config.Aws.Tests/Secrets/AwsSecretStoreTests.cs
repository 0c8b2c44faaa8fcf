using System.Net.Http.Headers;
using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Testing.Fakes;
using TradAI.Config.Testing.Http;
using TradAI.Config.Testing.Support;

namespace TradAI.Config.Aws.Tests.Secrets;

/// <summary>
/// The Secrets Manager client and store where moto cannot stand in (it accepts any signature and denies nothing): SigV4
/// as AWS checks it, IAM denials, throttling, an unreachable endpoint. Everything else is in <see cref="AwsSecretStoreMotoTests"/>.
/// </summary>
public sealed class AwsSecretStoreTests : IAsyncLifetime
{
    private const string Password = "pa55-VERY-secret-Zq9";
    private const string JsonContentType = "application/x-amz-json-1.1";
    private readonly FakeSecretsManager _fake = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    private SecretsManagerClient NewClient(string? secretKey = null, string? accessKey = null, TimeProvider? clock = null) =>
        new(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = _fake.Endpoint,
            Region = FakeSecretsManager.Region,
            Credentials = new BasicAWSCredentials(accessKey ?? FakeSecretsManager.AccessKey, secretKey ?? FakeSecretsManager.SecretKey),
        }), clock: clock);

    private AwsSecretStore NewStore() => new(() => NewClient());

    [Fact]
    public async Task The_clients_requests_carry_a_signature_the_service_accepts()
    {
        _fake.Seed("tradai/dev/db", $$"""{"password":"{{Password}}"}""");
        using var store = NewStore();

        (await store.GetSecretAsync("tradai/dev/db", Ct))["password"].Should().Be(Password);

        _fake.Log.Should().ContainSingle().Which.Should().Be(("GetSecretValue", true));
    }

    [Fact]
    public async Task Access_denied_is_access_denied_naming_the_secret()
    {
        _fake.Seed("tradai/locked", $$"""{"password":"{{Password}}"}""");
        _fake.Denied["tradai/locked"] = true;
        using var store = NewStore();
        var act = () => store.GetSecretAsync("tradai/locked", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().Be("Access denied: tradai/locked");
        error.ErrorCode.Should().Be("AccessDeniedException");
        error.ToString().Should().NotContain("not authorized", "the IAM message names the caller's identity; the store names the secret");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_rejected_by_the_signature_check()
    {
        _fake.Seed("s", """{"k":"v"}""");
        using var store = new AwsSecretStore(() => NewClient(secretKey: "not-the-key"));
        var act = () => store.GetSecretAsync("s", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("InvalidSignatureException");
        error.Message.Should().Contain("rejected the credentials").And.NotContain("not-the-key");
        _fake.Log.Should().ContainSingle().Which.SignatureValid.Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_access_key_is_unrecognized_client()
    {
        using var store = new AwsSecretStore(() => NewClient(accessKey: "AKIDOTHER"));
        var act = () => store.GetSecretAsync("s", Ct);
        (await act.Should().ThrowAsync<ExternalServiceException>()).Which.ErrorCode.Should().Be("UnrecognizedClientException");
    }

    [Theory]
    [InlineData(-14, true)]
    [InlineData(14, true)]
    [InlineData(-16, false)]
    [InlineData(16, false)]
    public async Task A_signing_clock_up_to_15_minutes_off_the_services_is_accepted_and_beyond_it_refused(int minutesOff, bool accepted)
    {
        _fake.Seed("s", """{"k":"v"}""");
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(minutesOff));
        using var store = new AwsSecretStore(() => NewClient(clock: clock));

        var error = await Record.ExceptionAsync(() => store.GetSecretAsync("s", Ct));

        if (accepted)
        {
            error.Should().BeNull();
        }
        else
        {
            error.Should().BeOfType<ExternalServiceException>().Which.ErrorCode.Should().Be("InvalidSignatureException");
        }
    }

    [Fact]
    public async Task Content_type_need_not_be_signed()
    {
        _fake.Seed("s", """{"k":"v"}""");

        var (status, body) = await SendSignedAsync("/", "/", signContentType: false);

        (status, body).Should().Match<(int, string)>(r => r.Item1 == 200 && r.Item2.Contains("\"SecretString\""));
    }

    [Fact]
    public async Task The_path_and_the_query_string_are_signed()
    {
        _fake.Seed("s", """{"k":"v"}""");
        const string query = "/?Version=1&Filter=a%20b%2Fc~d%3D";

        var signed = await SendSignedAsync(query, query, signContentType: true);
        var otherQuery = await SendSignedAsync(query, "/?Version=2&Filter=a%20b%2Fc~d%3D", signContentType: true);
        var samePath = await SendSignedAsync("/v1/a-b_c.d~e/", "/v1/a-b_c.d~e/", signContentType: true);
        var otherPath = await SendSignedAsync("/v1/", "/v2/", signContentType: true);

        signed.Status.Should().Be(200, signed.Body);
        samePath.Body.Should().Contain("UnknownOperationException", "the signature over the path verified; only then is the path routed");
        otherQuery.Body.Should().Contain("InvalidSignatureException").And.Contain("does not match");
        otherPath.Body.Should().Contain("InvalidSignatureException").And.Contain("does not match");
    }

    [Fact]
    public async Task Throttling_is_retried_and_reported_with_its_code_when_it_persists()
    {
        _fake.Seed("busy", """{"k":"v"}""");
        using var store = NewStore();
        _fake.ThrottleNext = 2;
        (await store.GetSecretAsync("busy", Ct))["k"].Should().Be("v", "two throttled attempts are retried");

        _fake.ThrottleNext = 10;
        var act = () => store.GetSecretAsync("busy", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("ThrottlingException");
        error.Message.Should().Contain("busy");
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_an_external_service_error()
    {
        using var store = new AwsSecretStore(() => new SecretsManagerClient(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = $"http://127.0.0.1:{LoopbackHttpServer.FreePort()}",
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("a", "b"),
        })));
        var act = () => store.GetSecretAsync("s", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.ErrorCode.Should().Be("NetworkError");
        error.Message.Should().Contain("Cannot reach Secrets Manager");
    }

    [Fact]
    public async Task Empty_names_are_validation_errors_before_any_request()
    {
        using var store = NewStore();
        var act = () => store.GetSecretAsync(" ", Ct);
        await act.Should().ThrowAsync<ConfigValidationException>();
        _fake.RequestCount.Should().Be(0);
    }

    /// <summary>A GetSecretValue signed for <paramref name="signedTarget"/> by the product's signer, sent to <paramref name="sentTarget"/>.</summary>
    private async Task<(int Status, string Body)> SendSignedAsync(string signedTarget, string sentTarget, bool signContentType)
    {
        var body = """{"SecretId":"s"}"""u8.ToArray();
        List<KeyValuePair<string, string>> headers = [new("X-Amz-Target", "secretsmanager.GetSecretValue")];
        if (signContentType)
        {
            headers.Add(new("Content-Type", JsonContentType));
        }

        var signed = SigV4Signer.Sign(
            "POST", new Uri(_fake.Endpoint + signedTarget), headers, body,
            new ImmutableCredentials(FakeSecretsManager.AccessKey, FakeSecretsManager.SecretKey, null), FakeSecretsManager.Region, "secretsmanager", DateTime.UtcNow);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.Endpoint + sentTarget)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "secretsmanager.GetSecretValue");
        foreach (var (name, value) in signed)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, Ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
