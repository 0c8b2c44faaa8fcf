using AwesomeAssertions;
using CsCheck;
using TradAI.Config.Core.Collections;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Tables;
using TradAI.Infra.Context;
using TradAI.Infra.Model;
using TradAI.Infra.Rendering;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.Config;

/// <summary>Resolution of the typed config: defaults per environment, precedence of sources, naming, and list overrides.</summary>
public sealed class InfraConfigResolverTests
{
    private static InfraConfig Resolve(params (string Key, object? Value)[] context) =>
        InfraConfigResolver.Resolve(InfraSources.FromContext(InfraContext.From(context.Select(c => new KeyValuePair<string, object?>(c.Key, c.Value)))));

    private static InfraConfig ResolveWithEnv(IReadOnlyDictionary<string, string> variables, params (string Key, object? Value)[] context) =>
        InfraConfigResolver.Resolve(new InfraSources(InfraContext.From(context.Select(c => new KeyValuePair<string, object?>(c.Key, c.Value))), variables));

    [Fact]
    public void Region_comes_from_context_then_aws_region_then_the_default()
    {
        var variables = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1", ["ENVIRONMENT"] = "staging" };

        var fromContext = ResolveWithEnv(variables, ("region", "ap-southeast-2"));
        fromContext.Environment.Region.Should().Be("ap-southeast-2");
        fromContext.Environment.RegionSource.Should().Be("context");

        var fromEnv = ResolveWithEnv(variables);
        fromEnv.Environment.Region.Should().Be("eu-west-1");
        fromEnv.Environment.RegionSource.Should().Be("env:AWS_REGION");
        fromEnv.Env.Should().Be(DeploymentEnvironment.Staging, "ENVIRONMENT is read when the context has none");
        fromEnv.Network.AvailabilityZoneCount.Should().Be(2, "the stack takes the account's first zones of the region at deployment");

        var fallback = Resolve(("environment", "dev"));
        fallback.Environment.Region.Should().Be(InfraConfigResolver.DefaultRegion);
        fallback.Environment.RegionSource.Should().Be("default");
    }

    [Fact]
    public void A_bad_region_variable_names_the_variable()
    {
        var act = () => ResolveWithEnv(new Dictionary<string, string> { ["AWS_REGION"] = "nowhere" }, ("environment", "dev"));
        act.Should().Throw<TradAI.Config.Core.Errors.ConfigValidationException>().Which.Message.Should().Contain("AWS_REGION='nowhere'");
    }

    [Fact]
    public void Context_environment_wins_over_the_environment_variable() =>
        ResolveWithEnv(new Dictionary<string, string> { ["ENVIRONMENT"] = "prod" }, ("environment", "dev")).Env.Should().Be(DeploymentEnvironment.Dev);

    [Fact]
    public void Project_name_prefixes_every_resource_name()
    {
        // Every value of the rendered config, with and without PROJECT_NAME: no hand-made list of names to go stale.
        var tradai = InfraConfigFlattener.Flatten(ResolveWithEnv(new Dictionary<string, string>(), ("environment", "staging"), ("strategy_ecr_repos", "momentum")));
        var acme = ResolveWithEnv(new Dictionary<string, string> { ["PROJECT_NAME"] = "acme" }, ("environment", "staging"), ("strategy_ecr_repos", "momentum"));
        var acmeValues = InfraConfigFlattener.Flatten(acme);

        acmeValues.Select(v => v.Key).Should().Equal(tradai.Select(v => v.Key));
        var renamed = tradai.Where(v => v.Value.Contains("tradai", StringComparison.Ordinal)).Select(v => v.Key).ToHashSet();
        renamed.Should().HaveCountGreaterThan(45, "every bucket, table, queue, service, repository, function, rule, secret and pool is named");
        foreach (var ((path, before), (_, after)) in tradai.Zip(acmeValues))
        {
            after.Should().Be(before.Replace("tradai", "acme", StringComparison.Ordinal), path);
        }

        // Every resource name is {project}-{name}-{env}; nothing still says tradai.
        acmeValues.Where(v => v.Value.EndsWith("-staging", StringComparison.Ordinal)).Should().HaveCountGreaterThan(45)
            .And.AllSatisfy(v => v.Value.Should().StartWith("acme-", v.Key));
        acmeValues.Should().NotContain(v => v.Value.Contains("tradai", StringComparison.Ordinal));
        acme.Storage.Bucket("configs").Name.Should().Be("acme-configs-staging");
        acme.Network.ServiceDiscoveryNamespace.Should().Be("acme-staging.local");
        acme.Storage.Rds.MasterUsername.Should().Be("acme_admin");
    }

    [Fact]
    public void Every_name_in_the_config_follows_project_name_env()
    {
        foreach (var env in DeploymentEnvironments.All)
        {
            var c = InfraConfigResolver.Resolve(env, InfraContext.From([new("strategy_ecr_repos", "momentum")]));
            string[] names =
            [
                c.Network.VpcName, c.Storage.Rds.Identifier, c.Storage.Rds.CredentialsSecretName,
                c.Compute.ClusterName, c.Compute.BacktestQueueName, c.Compute.BacktestDeadLetterQueueName,
                c.Compute.BacktestStateMachineName, c.Compute.BacktestTaskFamily, c.Api.ApiName, c.Api.AlbName,
                c.Auth.Cognito.UserPoolName, c.Auth.Cognito.ClientName, c.Auth.WsSecret.SecretName,
                .. c.Storage.Buckets.Select(b => b.Name), .. c.Storage.Tables.Select(t => t.Name),
                .. c.Ecr.All.Select(r => r.Name), .. c.Services.Select(s => s.ServiceName),
                .. c.Schedules.Lambdas.SelectMany(l => new[] { l.FunctionName, l.RuleName }),
            ];
            names.Should().HaveCountGreaterThan(40);
            names.Should().AllSatisfy(n => n.Should().MatchRegex($"^tradai-[a-z0-9-]+-{env.ToName()}$"));
        }
    }

    [Fact]
    public void Config_versions_table_matches_the_version_store()
    {
        var table = InfraConfigResolver.Resolve(DeploymentEnvironment.Dev).Storage.Table("config-versions");
        table.Name.Should().Be("tradai-config-versions-dev");
        table.Schema.Should().BeSameAs(VersionsTable.Schema, "the stack deploys the one schema the store creates tables from");
        var schema = table.Schema;
        schema.PartitionKey.Should().Be(new KeyAttribute("strategy_name", KeyAttributeType.String));
        schema.SortKey.Should().Be(new KeyAttribute("config_id", KeyAttributeType.String));
        schema.GlobalIndexes.Should().BeEquivalentTo(new[]
        {
            new GlobalIndexSchema("status-index", new KeyAttribute("strategy_name", KeyAttributeType.String), new KeyAttribute("status", KeyAttributeType.String)),
            new GlobalIndexSchema("config_hash-index", new KeyAttribute("config_hash", KeyAttributeType.String)),
        });
        schema.LocalIndexes.Should().Equal(new LocalIndexSchema("version_number-index", new KeyAttribute("version_number", KeyAttributeType.Number)));
        schema.TtlAttribute.Should().Be("ttl");
    }

    [Fact]
    public void A_list_override_reads_the_same_from_cdk_json_a_json_string_or_commas()
    {
        var fromJsonList = Resolve(("environment", "dev"), ("strategy_ecr_repos", new object[] { "momentum", "breakout" }));
        var fromJsonText = Resolve(("environment", "dev"), ("strategy_ecr_repos", "[\"momentum\", \"breakout\"]"));
        var fromCommas = Resolve(("environment", "dev"), ("strategy_ecr_repos", "momentum, breakout"));
        foreach (var config in new[] { fromJsonList, fromJsonText, fromCommas })
        {
            config.Ecr.StrategyRepositories.Select(r => r.Name).Should().Equal("tradai-strategy-momentum-dev", "tradai-strategy-breakout-dev");
        }

        Resolve(("environment", "dev"), ("cors_allowed_origins", "")).Api.CorsAllowedOrigins.Should().BeEmpty("an empty list switches CORS off in dev too");
        Resolve(("environment", "prod"), ("cors_allowed_origins", "[]")).Api.CorsAllowedOrigins.Should().BeEmpty();
    }

    [Fact]
    public void Booleans_from_cdk_json_and_from_text_mean_the_same()
    {
        Resolve(("environment", "dev"), ("consolidated_mode", false)).Compute.ConsolidatedMode.Should().BeFalse();
        Resolve(("environment", "dev"), ("consolidated_mode", "False")).Compute.ConsolidatedMode.Should().BeFalse();
        Resolve(("environment", "prod"), ("skip_alb", " TRUE ")).Api.AlbEnabled.Should().BeFalse();
    }

    [Fact]
    public void Dry_run_spot_needs_fargate_in_prod()
    {
        var prod = InfraConfigResolver.Resolve(DeploymentEnvironment.Prod);
        prod.Service("dry-run-trading").Capacity.Should().Be(CapacityKind.Spot);
        prod.Service("live-trading").Capacity.Should().Be(CapacityKind.OnDemand);
        Resolve(("environment", "prod"), ("consolidated_mode", "true")).Service("dry-run-trading").Capacity.Should().Be(CapacityKind.OnDemand);
    }

    [Fact]
    public void Resolution_is_deterministic_and_the_config_is_a_value()
    {
        var a = InfraConfigResolver.Resolve(DeploymentEnvironment.Staging);
        var b = InfraConfigResolver.Resolve(DeploymentEnvironment.Staging);
        InfraConfigDocument.ToJson(a).Should().Be(InfraConfigDocument.ToJson(b));

        // Two resolutions of one environment are one value: equal, same hash, one entry in a set.
        a.Should().NotBeSameAs(b);
        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        new HashSet<InfraConfig> { a, b }.Should().ContainSingle();

        // Any difference, down to one list item, makes another value; 'with' leaves the original as it was.
        a.Should().NotBe(InfraConfigResolver.Resolve(DeploymentEnvironment.Prod));
        a.Should().NotBe(Resolve(("environment", "staging"), ("strategy_ecr_repos", "momentum")));
        a.Should().NotBe(Resolve(("environment", "staging"), ("cors_allowed_origins", "https://a.example")));
        var fewer = a with { Services = [.. a.Services.Skip(1)] };
        fewer.Should().NotBe(a);
        a.Services.Should().HaveCount(b.Services.Count);
        a.Should().NotBe(a with { Storage = a.Storage with { Tables = [.. a.Storage.Tables.Reverse()] } });
    }

    [Fact]
    public void Every_part_of_the_config_is_immutable_and_compares_by_value()
    {
        // A List<T>, an array or an interface-typed list would compare by reference and break the equality above;
        // a settable field would let a shared config change. Walks every record reachable from InfraConfig.
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([typeof(InfraConfig)]);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            // Record equality compares the instance fields: each must be read-only and compare by value.
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                field.IsInitOnly.Should().BeTrue($"{type.Name}.{field.Name} can change");
                var t = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueList<>))
                {
                    t = t.GetGenericArguments()[0];
                }

                if (t.IsPrimitive || t.IsEnum || t == typeof(string))
                {
                    continue;
                }

                (t.GetMethod("<Clone>$") is not null).Should().BeTrue($"{type.Name}.{field.Name} is a {t.Name}, neither a value list, a record nor a primitive");
                if (t.Namespace!.StartsWith("TradAI.Infra", StringComparison.Ordinal))
                {
                    pending.Enqueue(t);
                }
            }
        }

        seen.Should().HaveCountGreaterThan(15);
    }

    [Fact]
    public void Any_valid_rate_schedule_is_accepted_and_lands_in_its_rule()
    {
        var units = Gen.OneOfConst("minute", "hour", "day");
        Gen.Select(Gen.Int[1, 10_000], units).Sample((n, unit) =>
        {
            var expression = $"rate({n} {unit}{(n == 1 ? "" : "s")})";
            var config = Resolve(("environment", "dev"), ("cleanup_schedule", expression));
            return config.Schedules.Lambda("cleanup").Expression == expression
                && config.Schedules.Lambda("drift-monitor").Expression == "rate(6 hours)";
        }, iter: 200);
    }
}
