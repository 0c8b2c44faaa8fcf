using Amazon.Runtime;
using AwesomeAssertions;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Testing;

namespace TradAI.Config.Aws.Tests.Secrets;

/// <summary>
/// The Secrets Manager client and store against moto's server, an independent implementation of the API: what moto
/// covers (values, versions, missing secrets, rotation metadata) is proven here, the rest (SigV4 checks, access denied,
/// throttling) against the loopback fake in <see cref="AwsSecretStoreTests"/>.
/// </summary>
public sealed class AwsSecretStoreMotoTests
{
    private const string Password = "pa55-moto-Secret-Zq9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SecretsManagerClient NewClient() =>
        new(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = EmulatorEndpoints.Moto,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("test", "test"),
        }));

    private static string UniqueName(string label) => $"tradai/{label}/{Guid.NewGuid():N}";

    [Fact]
    public async Task Reads_the_json_object_of_a_secret_and_its_version()
    {
        var name = UniqueName("db");
        using var client = NewClient();
        await client.CreateSecretAsync(name, $$"""{"username":"tradai","password":"{{Password}}","port":5432}""", cancellationToken: Ct);
        using var store = new AwsSecretStore(NewClient);

        var secret = await store.GetSecretAsync(name, Ct);

        secret["username"].Should().Be("tradai");
        secret["password"].Should().Be(Password);
        secret["port"].Should().Be("5432");
        secret.VersionId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_missing_secret_is_secret_not_found()
    {
        using var store = new AwsSecretStore(NewClient);
        var name = UniqueName("missing");
        var error = (await ((Func<Task>)(() => store.GetSecretAsync(name, Ct))).Should().ThrowAsync<ExternalServiceException>()).Which;
        error.Message.Should().Be($"Secret not found: {name}");
        error.ErrorCode.Should().Be(SecretErrors.NotFoundCode);
    }

    [Fact]
    public async Task A_secret_whose_json_repeats_a_key_names_the_key_and_never_a_value()
    {
        var name = UniqueName("dup");
        using var client = NewClient();
        await client.CreateSecretAsync(name, $$"""{"a":"{{Password}}","a":"other-{{Password}}"}""", cancellationToken: Ct);
        using var store = new AwsSecretStore(NewClient);

        var error = (await ((Func<Task>)(() => store.GetSecretAsync(name, Ct))).Should().ThrowAsync<ExternalServiceException>()).Which;

        error.Message.Should().Be($"Secret {name} is not valid JSON (the key 'a' appears more than once)");
        error.ErrorCode.Should().Be(SecretErrors.NotJsonCode);
        error.ToString().Should().NotContain(Password);
    }

    [Fact]
    public async Task A_new_value_put_by_a_rotation_is_what_the_next_read_returns()
    {
        var name = UniqueName("rotating");
        using var client = NewClient();
        await client.CreateSecretAsync(name, """{"v":"1"}""", cancellationToken: Ct);
        var version = await client.PutSecretValueAsync(name, """{"v":"2"}""", Ct);
        using var store = new AwsSecretStore(NewClient);

        var secret = await store.GetSecretAsync(name, Ct);

        secret["v"].Should().Be("2");
        secret.VersionId.Should().Be(version);
    }

    [Fact]
    public async Task Rotation_status_of_a_never_rotated_secret_has_nulls()
    {
        var name = UniqueName("plain");
        using var client = NewClient();
        await client.CreateSecretAsync(name, """{"a":"b"}""", cancellationToken: Ct);
        using var store = new AwsSecretStore(NewClient);

        (await store.GetRotationStatusAsync(name, Ct)).Should().Be(new SecretRotationStatus(name, false, null, null, null, null));
    }
}
