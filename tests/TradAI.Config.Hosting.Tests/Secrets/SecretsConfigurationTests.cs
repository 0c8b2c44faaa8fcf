using Amazon.Runtime;
using AwesomeAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradAI.Config.Aws.Clients;
using TradAI.Config.Aws.Secrets;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Secrets;
using TradAI.Config.Hosting.Diagnostics;
using TradAI.Config.Hosting.Secrets;
using TradAI.Config.Hosting.Tests.Support;

namespace TradAI.Config.Hosting.Tests.Secrets;

/// <summary>
/// <c>AddTradaiSecrets</c> in a real host: secret members as configuration values, re-read on the cache's TTL and on
/// demand after a rotation, last good values kept through failures, start-up failure unless optional — and no value
/// ever in a log line.
/// </summary>
public sealed class SecretsConfigurationTests
{
    private const string Password1 = "pw-ONE-9f3Kq";
    private const string Password2 = "pw-TWO-x7Lm2";
    private const string Password3 = "pw-THREE-Qe81";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Db(string password) => $$"""{"username":"tradai","password":"{{password}}","Trading":"Host=db;Password={{password}}","port":5432}""";

    private static Action<Microsoft.Extensions.Hosting.HostApplicationBuilder> Map(string secret, bool optional = false) => h =>
        h.Configuration.AddTradaiSecrets(s =>
        {
            s.Map(secret, "Database").MapKey(secret, "Trading", "ConnectionStrings:Trading");
            s.Optional = optional;
        });

    private static void NoValueLogged(TestHost host, params string[] values)
    {
        var text = host.Logs.AllText;
        foreach (var value in values)
        {
            text.Should().NotContain(value);
        }
    }

    [Fact]
    public async Task Local_secret_members_become_configuration_and_a_change_arrives_within_one_ttl()
    {
        const string name = "hosting-tests/db";
        await using var backend = SecretsOnlyBackend.Local();
        backend.WriteLocal(name, Db(Password1));
        await using var host = await TestHost.StartAsync(backend, _ => { }, Map(name));
        var configuration = host.Configuration;

        configuration["Database:username"].Should().Be("tradai");
        configuration["Database:password"].Should().Be(Password1);
        configuration["Database:port"].Should().Be("5432");
        configuration.GetConnectionString("Trading").Should().Be($"Host=db;Password={Password1}");
        var token = configuration.GetReloadToken();

        (await host.SecretsProbe.WhenParkedAsync()).Should().Be(TimeSpan.FromMinutes(5), "the cache's TTL is the re-read period");
        (await host.PollSecretsAsync()).Changed.Should().BeEmpty("an unchanged secret does not reload configuration");
        token.HasChanged.Should().BeFalse();

        backend.WriteLocal(name, Db(Password2));
        var result = await host.PollSecretsAsync();

        result.Changed.Should().Equal(name);
        token.HasChanged.Should().BeTrue();
        configuration["Database:password"].Should().Be(Password2);
        configuration.GetConnectionString("Trading").Should().Be($"Host=db;Password={Password2}");
        (await host.Services.GetRequiredService<ISecretStore>().GetSecretAsync(name, Ct))["password"].Should().Be(Password2, "the shared cache is refreshed too");
        host.Logs.WithId(TradaiHostingEvents.SecretChanged).Should().HaveCount(2);
        host.Metrics.Sum(TradaiHostingMetrics.SecretRefreshes, ("secret", name), ("outcome", "changed")).Should().Be(2);
        NoValueLogged(host, Password1, Password2);
    }

    [Fact]
    public async Task A_secret_that_cannot_be_read_keeps_its_last_good_values_and_backs_off()
    {
        const string name = "hosting-tests/flaky";
        await using var backend = SecretsOnlyBackend.Local();
        backend.WriteLocal(name, Db(Password1));
        await using var host = await TestHost.StartAsync(backend, _ => { }, Map(name));

        backend.DeleteLocal(name);
        var failed = await host.PollSecretsAsync();

        failed.Failures.Should().ContainKey(name).WhoseValue.Should().Contain("Secret not found").And.Contain(name);
        host.Configuration["Database:password"].Should().Be(Password1, "keep last good");
        host.Logs.WithId(TradaiHostingEvents.SecretRefreshFailed).Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
        (await host.SecretsProbe.WhenParkedAsync()).Should().Be(TimeSpan.FromMinutes(5), "backoff starts at the TTL");

        backend.WriteLocal(name, "{ not json " + Password3);
        (await host.PollSecretsAsync()).Failures[name].Should().Contain("not valid JSON");
        (await host.SecretsProbe.WhenParkedAsync()).Should().Be(TimeSpan.FromMinutes(10), "and doubles while failing");

        backend.WriteLocal(name, Db(Password2));
        (await host.PollSecretsAsync()).Changed.Should().Equal(name);
        host.Configuration["Database:password"].Should().Be(Password2);
        NoValueLogged(host, Password1, Password2, Password3);
    }

    [Fact]
    public async Task A_missing_secret_fails_start_naming_it_unless_the_mapping_is_optional()
    {
        const string name = "hosting-tests/absent";
        await using var backend = SecretsOnlyBackend.Local();
        await using (var required = TestHost.Create(backend, _ => { }, Map(name)))
        {
            var failure = await FluentActions.Awaiting(required.StartAsync).Should().ThrowAsync<ExternalServiceException>();
            failure.Which.Message.Should().Contain("Secret not found").And.Contain(name).And.Contain("Optional");
        }

        await using var optional = await TestHost.StartAsync(backend, _ => { }, Map(name, optional: true));
        optional.Configuration["Database:password"].Should().BeNull();
        backend.WriteLocal(name, Db(Password1));
        (await optional.Services.GetRequiredService<ITradaiSecretsRefresher>().RefreshNowAsync(Ct)).Changed.Should().Equal(name);
        optional.Configuration["Database:password"].Should().Be(Password1);
    }

    [Fact]
    public async Task A_Secrets_Manager_rotation_reaches_configuration_on_demand_and_on_the_ttl()
    {
        await using var moto = await MotoServer.StartAsync();
        var name = "tradai/test/db-" + Guid.NewGuid().ToString("N")[..8];
        using var client = new SecretsManagerClient(new AwsClientFactory(new AwsClientOptions
        {
            EndpointUrl = moto.Endpoint,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("x", "x"),
        }));
        await client.CreateSecretAsync(name, Db(Password1), cancellationToken: Ct);
        await using var backend = SecretsOnlyBackend.SecretsManager(moto.Endpoint);
        await using var host = await TestHost.StartAsync(backend, _ => { }, Map(name));
        host.Configuration["Database:password"].Should().Be(Password1);
        var version1 = (await host.Services.GetRequiredService<ISecretStore>().GetSecretAsync(name, Ct)).VersionId;

        // A rotation: PutSecretValue moves AWSCURRENT to a new version.
        await client.PutSecretValueAsync(name, Db(Password2), Ct);
        var onDemand = await host.Services.GetRequiredService<ITradaiSecretsRefresher>().RefreshNowAsync(Ct);

        onDemand.Changed.Should().Equal(name);
        host.Configuration["Database:password"].Should().Be(Password2);
        (await host.Services.GetRequiredService<ISecretStore>().GetSecretAsync(name, Ct)).VersionId.Should().NotBe(version1);

        await client.PutSecretValueAsync(name, Db(Password3), Ct);
        host.Configuration["Database:password"].Should().Be(Password2, "until the TTL passes");
        (await host.PollSecretsAsync()).Changed.Should().Equal(name);
        host.Configuration.GetConnectionString("Trading").Should().Be($"Host=db;Password={Password3}");
        NoValueLogged(host, Password1, Password2, Password3);
        host.Services.GetRequiredService<ISecretStore>().ToString().Should().NotContain(Password3);
    }

    [Fact]
    public void Mappings_are_checked_when_added()
    {
        var builder = new ConfigurationBuilder();

        FluentActions.Invoking(() => builder.AddTradaiSecrets(_ => { })).Should().Throw<ConfigValidationException>().WithMessage("*at least one*");
        FluentActions.Invoking(() => builder.AddTradaiSecrets(s => s.Map("", "X"))).Should().Throw<ConfigValidationException>();
        FluentActions.Invoking(() => builder.AddTradaiSecrets(s => s.MapKey("a", "", "X"))).Should().Throw<ConfigValidationException>().WithMessage("*key*");
    }
}
