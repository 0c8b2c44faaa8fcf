using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Testing;
using TradAI.Config.Testing.Secrets;
using TradAI.Config.Testing.Support;

namespace TradAI.Config.Aws.Tests.Secrets;

/// <summary>
/// The Secrets Manager client and store against moto's server, an independent implementation of the API (SPEC §5):
/// values, versions and their stages, every §5.2 row moto can answer (not found, deleted, not JSON, binary), rotation
/// metadata. Secrets are seeded with <see cref="MotoSecretsManager"/>, not with the client under test. What moto cannot do
/// (access denied, throttling, signature checks) is in <see cref="AwsSecretStoreTests"/> on the loopback fake.
/// </summary>
public sealed class AwsSecretStoreMotoTests : IDisposable
{
    private const string Password = "pa55-moto-Secret-Zq9";
    private readonly MotoSecretsManager _moto = new();
    private readonly CapturingLogger _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _moto.Dispose();

    private static SecretsManagerClient NewClient() =>
        new(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.Moto,
            Region = MotoSecretsManager.Region,
            Credentials = new BasicAWSCredentials("test", "test"),
        }));

    private AwsSecretStore NewStore() => new(NewClient, new CapturingLogger<AwsSecretStore>(_log));

    private async Task<ExternalServiceException> ReadFails(string name)
    {
        using var store = NewStore();
        return (await ((Func<Task>)(() => store.GetSecretAsync(name, Ct))).Should().ThrowAsync<ExternalServiceException>()).Which;
    }

    [Fact]
    public async Task Reads_the_json_object_of_a_secret_by_name_or_arn_with_its_version()
    {
        var name = MotoSecretsManager.UniqueName("db");
        var arn = await _moto.CreateAsync(name, $$"""{"username":"tradai","password":"{{Password}}","port":5432,"ssl":true,"opts":{"a":1},"none":null}""", Ct);
        var version = (await _moto.DescribeAsync(name, Ct)).GetProperty("VersionIdsToStages").EnumerateObject().Single().Name;
        using var store = NewStore();

        var secret = await store.GetSecretAsync(name, Ct);
        var byArn = await store.GetSecretAsync(arn, Ct);

        secret.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["username"] = "tradai",
            ["password"] = Password,
            ["port"] = "5432",
            ["ssl"] = "true",
            ["opts"] = """{"a":1}""",
            ["none"] = null,
        });
        secret.VersionId.Should().Be(version);
        byArn["password"].Should().Be(Password);
        byArn.VersionId.Should().Be(version);
    }

    [Fact]
    public async Task Create_and_put_through_the_client_move_awscurrent_and_awsprevious()
    {
        var name = MotoSecretsManager.UniqueName("rotating");
        using var client = NewClient();
        var arn = await client.CreateSecretAsync(name, """{"v":"1"}""", cancellationToken: Ct);
        var first = (await client.GetSecretValueAsync(name, cancellationToken: Ct)).VersionId;
        var second = await client.PutSecretValueAsync(name, """{"v":"2"}""", Ct);
        using var store = NewStore();

        arn.Should().StartWith($"arn:aws:secretsmanager:{MotoSecretsManager.Region}:").And.Contain(name);
        var current = await store.GetSecretAsync(name, Ct);
        var previous = await client.GetSecretValueAsync(name, "AWSPREVIOUS", Ct);
        (current["v"], current.VersionId).Should().Be(("2", second));
        (previous.SecretString, previous.VersionId).Should().Be(("""{"v":"1"}""", first));
        second.Should().NotBe(first);

        var third = await client.PutSecretValueAsync(name, """{"v":"3"}""", Ct);
        (await store.GetSecretAsync(name, Ct)).VersionId.Should().Be(third);
        (await client.GetSecretValueAsync(name, "AWSPREVIOUS", Ct)).VersionId.Should().Be(second, "a second rotation makes the old current the previous");
        var stages = (await _moto.DescribeAsync(name, Ct)).GetProperty("VersionIdsToStages");
        stages.GetProperty(third!).EnumerateArray().Select(s => s.GetString()).Should().Equal("AWSCURRENT");
        stages.GetProperty(second!).EnumerateArray().Select(s => s.GetString()).Should().Equal("AWSPREVIOUS");

        var duplicate = () => client.CreateSecretAsync(name, "{}", cancellationToken: Ct);
        var error = (await duplicate.Should().ThrowAsync<ExternalServiceException>()).Which;
        (error.ErrorCode, error.Message).Should().Be(("ResourceExistsException", $"Secret already exists: {name}"));
    }

    [Fact]
    public async Task A_missing_secret_is_secret_not_found_for_reads_and_rotation_status()
    {
        var name = MotoSecretsManager.UniqueName("missing");
        using var store = NewStore();

        var read = await ReadFails(name);
        var status = (await ((Func<Task>)(() => store.GetRotationStatusAsync(name, Ct))).Should().ThrowAsync<ExternalServiceException>()).Which;

        foreach (var error in new[] { read, status })
        {
            error.Message.Should().Be($"Secret not found: {name}");
            error.ErrorCode.Should().Be(SecretErrors.NotFoundCode);
            error.Service.Should().Be(SecretsManagerClient.ServiceName);
        }
    }

    [Fact]
    public async Task A_secret_marked_for_deletion_is_invalid_request_naming_the_secret()
    {
        var name = MotoSecretsManager.UniqueName("deleted");
        await _moto.CreateAsync(name, $$"""{"password":"{{Password}}"}""", Ct);
        await _moto.DeleteAsync(name, Ct);

        var error = await ReadFails(name);

        error.Message.Should().StartWith($"Invalid request: {name} (", "the service's reason follows the name");
        error.Message.Should().Contain("deleted");
        error.ErrorCode.Should().Be(SecretErrors.InvalidRequestCode);
        error.ToString().Should().NotContain(Password);
    }

    [Theory]
    [InlineData("{\"password\": \"" + Password + "\"")]
    [InlineData(Password)]
    [InlineData("[\"" + Password + "\"]")]
    [InlineData("\"" + Password + "\"")]
    public async Task A_value_that_is_not_a_json_object_is_not_valid_json_and_never_quoted(string value)
    {
        var name = MotoSecretsManager.UniqueName("garbled");
        await _moto.CreateAsync(name, value, Ct);

        var error = await ReadFails(name);

        error.Message.Should().StartWith($"Secret {name} is not valid JSON (");
        error.ErrorCode.Should().Be(SecretErrors.NotJsonCode);
        error.InnerException.Should().BeNull("a parser's message can quote the value");
        error.ToString().Should().NotContain(Password).And.NotContain("moto-Secret");
    }

    [Fact]
    public async Task A_secret_whose_json_repeats_a_key_names_the_key_and_never_a_value()
    {
        var name = MotoSecretsManager.UniqueName("dup");
        await _moto.CreateAsync(name, $$"""{"a":"{{Password}}","a":"other-{{Password}}"}""", Ct);

        var error = await ReadFails(name);

        error.Message.Should().Be($"Secret {name} is not valid JSON (the key 'a' appears more than once)");
        error.ErrorCode.Should().Be(SecretErrors.NotJsonCode);
        error.ToString().Should().NotContain(Password);
    }

    [Fact]
    public async Task A_binary_only_secret_is_refused_as_not_json_saying_it_is_binary()
    {
        var name = MotoSecretsManager.UniqueName("cert");
        await _moto.CreateBinaryAsync(name, [0x30, 0x82, 0x01, 0x0A], Ct);
        using var client = NewClient();

        var raw = await client.GetSecretValueAsync(name, cancellationToken: Ct);
        var error = await ReadFails(name);

        (raw.IsBinary, raw.SecretString).Should().Be((true, null));
        error.Message.Should().Be($"Secret {name} is not valid JSON (it is a binary secret; only SecretString JSON is supported)");
        error.ErrorCode.Should().Be(SecretErrors.NotJsonCode);
    }

    [Fact]
    public async Task Rotation_status_reports_the_spec_fields_of_a_secret_rotated_by_a_function()
    {
        var name = MotoSecretsManager.UniqueName("rds");
        await _moto.CreateAsync(name, """{"password":"x"}""", Ct);
        var function = await _moto.RotateAsync(name, days: 7, withFunction: true, Ct);
        var raw = await _moto.DescribeAsync(name, Ct);
        using var store = NewStore();

        var status = await store.GetRotationStatusAsync(name, Ct);

        var last = DateTimeOffset.FromUnixTimeMilliseconds((long)(raw.GetProperty("LastRotatedDate").GetDouble() * 1000));
        var next = DateTimeOffset.FromUnixTimeMilliseconds((long)(raw.GetProperty("NextRotationDate").GetDouble() * 1000));
        status.Should().Be(new SecretRotationStatus(name, true, function, 7, last, next));
        last.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), "moto stamps the rotation with its own clock");
        next.Should().BeCloseTo(last.AddDays(7), TimeSpan.FromSeconds(5));
        var fields = status.ToSpecFields().ToDictionary(f => f.Key, f => f.Value);
        fields.Keys.Should().Equal("rotation_enabled", "rotation_lambda_arn", "rotation_interval_days", "last_rotated_date", "next_rotation_date");
        fields["last_rotated_date"].Should().Be(last.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Managed_rotation_without_a_function_has_no_function_arn()
    {
        var name = MotoSecretsManager.UniqueName("managed");
        await _moto.CreateAsync(name, """{"password":"x"}""", Ct);
        await _moto.RotateAsync(name, days: 30, withFunction: false, Ct);
        using var store = NewStore();

        var status = await store.GetRotationStatusAsync(name, Ct);

        (status.RotationEnabled, status.RotationIntervalDays).Should().Be((true, 30));
        status.RotationLambdaArn.Should().BeNull("an empty RotationLambdaARN (what moto sends when no function rotates the secret) names no function");
        status.LastRotatedDate.Should().NotBeNull();
    }

    [Fact]
    public async Task Rotation_status_of_a_never_rotated_secret_has_nulls()
    {
        var name = MotoSecretsManager.UniqueName("plain");
        await _moto.CreateAsync(name, """{"a":"b"}""", Ct);
        using var store = NewStore();

        (await store.GetRotationStatusAsync(name, Ct)).Should().Be(new SecretRotationStatus(name, false, null, null, null, null));
    }

    [Fact]
    public async Task No_secret_value_appears_in_exceptions_logs_or_to_string()
    {
        var ok = MotoSecretsManager.UniqueName("ok");
        var bad = MotoSecretsManager.UniqueName("bad");
        await _moto.CreateAsync(ok, $$"""{"password":"{{Password}}"}""", Ct);
        await _moto.CreateAsync(bad, $$"""{"password":"{{Password}}" oops}""", Ct);
        using var store = NewStore();
        using var client = NewClient();

        var secret = await store.GetSecretAsync(ok, Ct);
        var failure = await Record.ExceptionAsync(() => store.GetSecretAsync(bad, Ct));
        var status = await store.GetRotationStatusAsync(ok, Ct);
        var raw = await client.GetSecretValueAsync(ok, cancellationToken: Ct);

        failure.Should().BeOfType<ExternalServiceException>();
        var everything = string.Join('\n', secret.ToString(), failure!.ToString(), status.ToString(), raw.ToString(), store.ToString(), client.ToString(), _log.AllText);
        everything.Should().NotContain(Password);
        secret.ToString().Should().Contain("password").And.Contain("***");
        _log.Entries.Should().NotBeEmpty("the store logs reads, so the check above means something");
    }

    [Fact]
    public async Task Concurrent_first_calls_build_exactly_one_client()
    {
        var name = MotoSecretsManager.UniqueName("shared");
        await _moto.CreateAsync(name, """{"k":"v"}""", Ct);
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
            return await store.GetSecretAsync(name, Ct);
        }, Ct)).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);

        built.Should().Be(1);
        results.Should().OnlyContain(r => r["k"] == "v");
    }
}
