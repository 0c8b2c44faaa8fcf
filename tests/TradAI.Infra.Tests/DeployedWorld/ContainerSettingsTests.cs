using System.Text.Json;
using AwesomeAssertions;
using TradAI.Config.Testing.Deployment;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Tests.Synthesis;
using TradAI.Settings.Catalog;
using TradAI.Settings.Loading;

namespace TradAI.Infra.Tests.DeployedWorld;

/// <summary>
/// What each service's container is given in the synthesized template, and what <c>tradai infra env --account</c>
/// prints for it, is what the service's settings type reads and accepts: every variable and secret lands where the
/// settings look, and the settings validate in every environment (the prod backend starts).
/// </summary>
public sealed class ContainerSettingsTests(SynthesizedApps apps)
{
    private const string Account = "123456789012";

    public static TheoryData<string, string> ServicesOfEveryEnvironment() => DeployedServices.OfEveryEnvironment();

    [Theory]
    [MemberData(nameof(ServicesOfEveryEnvironment))]
    public void The_container_definition_passes_the_services_settings_validation(string env, string service)
    {
        var synth = apps.For(env);
        var file = ServiceEnvFiles.Build(synth.Config, service, DeploymentFacts.ForAccount(Account));
        var container = synth.Resources("Compute", "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties.GetProperty("Family").GetString() == synth.Config.Service(service).ServiceName)
            .Properties.GetProperty("ContainerDefinitions")[0];

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.GetProperty("Environment").EnumerateArray())
        {
            var name = variable.GetProperty("Name").GetString()!;
            var value = variable.GetProperty("Value");
            if (name == "AWS_REGION")
            {
                // Added by CDK to tasks on EC2 (Fargate sets it itself).
                value.GetString().Should().Be(synth.Config.Environment.Region);
                variables[name] = value.GetString()!;
                continue;
            }

            var entry = file.Entries.SingleOrDefault(e => e.Name == name);
            entry.Should().NotBeNull($"{name} is in the container, so infra env must print it");
            if (value.ValueKind == JsonValueKind.String)
            {
                value.GetString().Should().Be(entry!.Value, $"{name} is the value infra env prints");
                variables[name] = value.GetString()!;
            }
            else if (entry!.Value is { } printed)
            {
                // An intrinsic (the account id joined in): what infra env --account prints for it.
                variables[name] = printed;
            }
            else
            {
                // Assigned by AWS at deployment; infra env points at the stack output and the service gets it then.
                entry.Availability.Should().Be(EnvValueAvailability.AfterDeployment, name);
            }
        }

        var secrets = container.TryGetProperty("Secrets", out var s) ? s.EnumerateArray().ToList() : [];
        secrets.Select(x => x.GetProperty("Name").GetString()).Should().BeEquivalentTo(file.Secrets.Select(x => x.Name), "infra env names the secrets the container gets");
        foreach (var secret in file.Secrets)
        {
            var valueFrom = secrets.Single(x => x.GetProperty("Name").GetString() == secret.Name).GetProperty("ValueFrom").GetRawText();
            // The configured secret: by name where an operator creates it, else by reference to the stack's own.
            valueFrom.Should().ContainAny(secret.SecretName, "WsSecretKey", "PostgresSecret");
            if (secret.JsonField is { } field)
            {
                valueFrom.Should().Contain($":{field}::", "ECS injects that field of the JSON secret");
            }

            variables[secret.Name] = DummySecret(secret);
        }

        AssertSettingsAccept(service, variables);
    }

    [Theory]
    [MemberData(nameof(ServicesOfEveryEnvironment))]
    public void The_env_file_infra_env_prints_plus_the_secrets_it_names_passes_the_services_settings_validation(string env, string service)
    {
        var file = ServiceEnvFiles.Build(apps.For(env).Config, service, DeploymentFacts.ForAccount(Account));
        var variables = file.KnownValues.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var secret in file.Secrets)
        {
            variables[secret.Name] = DummySecret(secret);
        }

        AssertSettingsAccept(service, variables);
    }

    /// <summary>A stand-in of the shape the real secret has (the WebSocket key is long enough for prod).</summary>
    internal static string DummySecret(EnvFileSecret secret) => secret.JsonField switch
    {
        "host" => "tradai-postgres.abc123.us-east-1.rds.amazonaws.com",
        "username" => "tradai_admin",
        _ => "dummy-" + new string('s', 58),
    };

    private static void AssertSettingsAccept(string service, Dictionary<string, string> variables)
    {
        var schema = SettingsCatalog.Find(service);
        schema.Should().NotBeNull($"service {service} has a settings type");
        schema!.Service.Should().Be(service);

        var resolution = SettingsLoader.Resolve(schema, new SettingsLoadOptions { Environment = variables, EnvFiles = [], LoadS3Config = false });

        resolution.IsValid.Should().BeTrue(string.Join("; ", resolution.Problems));
        foreach (var name in variables.Keys.Where(n => n != "AWS_REGION"))
        {
            schema.Reads(name).Should().BeTrue($"{schema.TypeName} must read {name}, or the value is lost");
            resolution.Entries.Should().Contain(e => e.Source.Kind == SettingSourceKind.EnvironmentVariable && e.Source.Key == name, $"{name} is the value the settings use");
        }
    }
}
