using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Testing.Fakes;
using TradAI.Config.Testing.Http;
using TradAI.Config.Testing.Support;

namespace TradAI.Config.Aws.Tests.Secrets;

/// <summary>The Secrets Manager store against the loopback fake: SPEC §5.1 retrieval, every §5.2 row, §5.3 rotation.</summary>
public sealed class AwsSecretStoreTests : IAsyncLifetime
{
    private const string Password = "pa55-VERY-secret-Zq9";
    private readonly FakeSecretsManager _fake = new();
    private readonly CapturingLogger _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _fake.DisposeAsync();

    private SecretsManagerClient NewClient(string? secretKey = null, string? accessKey = null) =>
        new(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = _fake.Endpoint,
            Region = FakeSecretsManager.Region,
            Credentials = new BasicAWSCredentials(accessKey ?? FakeSecretsManager.AccessKey, secretKey ?? FakeSecretsManager.SecretKey),
        }));

    private AwsSecretStore NewStore() => new(() => NewClient(), new CapturingLogger<AwsSecretStore>(_log));

    [Fact]
    public async Task Returns_the_secret_json_object_as_a_dictionary()
    {
        using var client = NewClient();
        var arn = await client.CreateSecretAsync("tradai/dev/db", $$"""{"username":"tradai","password":"{{Password}}","port":5432,"ssl":true,"opts":{"a":1},"none":null}""", cancellationToken: Ct);
        arn.Should().StartWith("arn:aws:secretsmanager:");

        using var store = NewStore();
        var secret = await store.GetSecretAsync("tradai/dev/db", Ct);

        secret["username"].Should().Be("tradai");
        secret["password"].Should().Be(Password);
        secret["port"].Should().Be("5432");
        secret["ssl"].Should().Be("true");
        secret["opts"].Should().Be("""{"a":1}""");
        secret["none"].Should().BeNull();
        secret.VersionId.Should().NotBeNullOrEmpty();
        _fake.Log.Should().OnlyContain(e => e.SignatureValid, "every request must carry a valid SigV4 signature");
    }

    [Fact]
    public async Task Resource_not_found_is_secret_not_found()
    {
        using var store = NewStore();
        var act = () => store.GetSecretAsync("tradai/missing", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().Be("Secret not found: tradai/missing");
        error.ErrorCode.Should().Be("ResourceNotFoundException");
        error.Service.Should().Be("secretsmanager");
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
    }

    [Fact]
    public async Task Invalid_request_is_invalid_request_naming_the_secret()
    {
        _fake.Seed("tradai/deleted", $$"""{"password":"{{Password}}"}""");
        _fake.MarkDeleted("tradai/deleted");
        using var store = NewStore();
        var act = () => store.GetSecretAsync("tradai/deleted", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().StartWith("Invalid request: tradai/deleted").And.Contain("marked for deletion");
        error.ErrorCode.Should().Be("InvalidRequestException");
    }

    [Theory]
    [InlineData("{\"password\": \"" + Password + "\"")]
    [InlineData(Password)]
    [InlineData("[\"" + Password + "\"]")]
    [InlineData("\"" + Password + "\"")]
    public async Task A_value_that_is_not_a_json_object_is_not_valid_json_and_never_quoted(string value)
    {
        _fake.Seed("tradai/garbled", value);
        using var store = NewStore();
        var act = () => store.GetSecretAsync("tradai/garbled", Ct);
        var error = (await act.Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().StartWith("Secret tradai/garbled is not valid JSON");
        error.ErrorCode.Should().Be(SecretErrors.NotJsonCode);
        error.ToString().Should().NotContain(Password).And.NotContain("VERY");
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            e.Message.Should().NotContain(Password);
        }
    }

    [Fact]
    public async Task A_binary_only_secret_is_refused_with_a_clear_message()
    {
        _fake.Seed("tradai/cert", null, binary: true);
        using var store = NewStore();
        var act = () => store.GetSecretAsync("tradai/cert", Ct);
        (await act.Should().ThrowAsync<ExternalServiceException>()).Which.Message.Should().Contain("binary secret");
    }

    [Fact]
    public async Task No_secret_value_appears_in_exceptions_logs_or_to_string()
    {
        _fake.Seed("tradai/ok", $$"""{"password":"{{Password}}"}""");
        _fake.Seed("tradai/bad", $$"""{"password":"{{Password}}" oops}""");
        using var store = NewStore();

        var secret = await store.GetSecretAsync("tradai/ok", Ct);
        var failure = await Record.ExceptionAsync(() => store.GetSecretAsync("tradai/bad", Ct));
        var status = await store.GetRotationStatusAsync("tradai/ok", Ct);
        using var client = NewClient();
        var raw = await client.GetSecretValueAsync("tradai/ok", cancellationToken: Ct);

        failure.Should().NotBeNull();
        var everything = string.Join('\n', secret.ToString(), failure!.ToString(), status.ToString(), raw.ToString(), store.ToString(), client.ToString(), _log.AllText);
        everything.Should().NotContain(Password);
        secret.ToString().Should().Contain("password").And.Contain("***");
        _log.Entries.Should().NotBeEmpty("the store logs reads, so the check above means something");
    }

    [Fact]
    public async Task Rotation_status_reports_the_spec_fields_with_iso_dates()
    {
        _fake.Seed("rds/master", """{"password":"x"}""");
        var last = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
        var next = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
        _fake.SetRotation("rds/master", true, "arn:aws:lambda:eu-west-1:123456789012:function:rotate", 30, last, next);
        using var store = NewStore();

        var status = await store.GetRotationStatusAsync("rds/master", Ct);

        status.Should().Be(new SecretRotationStatus("rds/master", true, "arn:aws:lambda:eu-west-1:123456789012:function:rotate", 30, last, next));
        var fields = status.ToSpecFields().ToDictionary(f => f.Key, f => f.Value);
        fields.Keys.Should().Equal("rotation_enabled", "rotation_lambda_arn", "rotation_interval_days", "last_rotated_date", "next_rotation_date");
        fields["last_rotated_date"].Should().Be("2026-11-01T03:00:00.0000000+00:00");
        fields["next_rotation_date"].Should().Be("2026-12-01T03:00:00.0000000+00:00");
    }

    [Fact]
    public async Task Rotation_status_of_a_never_rotated_secret_has_nulls()
    {
        _fake.Seed("plain", """{"a":"b"}""");
        using var store = NewStore();
        var status = await store.GetRotationStatusAsync("plain", Ct);
        status.Should().Be(new SecretRotationStatus("plain", false, null, null, null, null));
        var missing = () => store.GetRotationStatusAsync("nope", Ct);
        (await missing.Should().ThrowAsync<ExternalServiceException>()).Which.Message.Should().Be("Secret not found: nope");
    }

    [Fact]
    public async Task Concurrent_first_calls_build_exactly_one_client()
    {
        _fake.Seed("shared", """{"k":"v"}""");
        var built = 0;
        using var store = new AwsSecretStore(() =>
        {
            Interlocked.Increment(ref built);
            Thread.Sleep(50); // widen the race window
            return NewClient();
        });

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await store.GetSecretAsync("shared", Ct);
        }, Ct)).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);

        built.Should().Be(1);
        results.Should().OnlyContain(r => r["k"] == "v");
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
        _fake.Log.Should().Contain(e => !e.SignatureValid);
    }

    [Fact]
    public async Task An_unknown_access_key_is_unrecognized_client()
    {
        using var store = new AwsSecretStore(() => NewClient(accessKey: "AKIDOTHER"));
        var act = () => store.GetSecretAsync("s", Ct);
        (await act.Should().ThrowAsync<ExternalServiceException>()).Which.ErrorCode.Should().Be("UnrecognizedClientException");
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
    public async Task Put_secret_value_creates_a_new_version_that_the_next_read_sees()
    {
        using var client = NewClient();
        await client.CreateSecretAsync("rotating", """{"v":"1"}""", cancellationToken: Ct);
        var version = await client.PutSecretValueAsync("rotating", """{"v":"2"}""", Ct);
        using var store = NewStore();
        var secret = await store.GetSecretAsync("rotating", Ct);
        secret["v"].Should().Be("2");
        secret.VersionId.Should().Be(version);
        var duplicate = () => client.CreateSecretAsync("rotating", "{}", cancellationToken: Ct);
        (await duplicate.Should().ThrowAsync<ExternalServiceException>()).Which.ErrorCode.Should().Be("ResourceExistsException");
    }

    [Fact]
    public async Task Empty_names_are_validation_errors_before_any_request()
    {
        using var store = NewStore();
        var act = () => store.GetSecretAsync(" ", Ct);
        await act.Should().ThrowAsync<ConfigValidationException>();
        _fake.RequestCount.Should().Be(0);
    }
}
