using System.Text.Json;
using Amazon.CDK.Assertions;
using AwesomeAssertions;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Tests.Synthesis;
using static TradAI.Infra.Tests.Synthesis.Props;

namespace TradAI.Infra.Tests.Matrix;

/// <summary>What every environment's stacks must contain beyond the §8 table: the exact version-store schema, RDS, routing, schedules and wiring.</summary>
public sealed class StackStructureTests(SynthesizedApps apps)
{
    public static TheoryData<string> Environments => ["dev", "staging", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Config_versions_table_has_exactly_the_version_store_schema(string env)
    {
        var table = apps.For(env).Resources("Persistent", "AWS::DynamoDB::Table")
            .Single(t => t.Properties.GetProperty("TableName").GetString() == $"tradai-config-versions-{env}").Properties;

        Keys(table.GetProperty("KeySchema")).Should().Equal(("strategy_name", "HASH"), ("config_id", "RANGE"));
        table.GetProperty("AttributeDefinitions").EnumerateArray()
            .Select(a => (a.GetProperty("AttributeName").GetString(), a.GetProperty("AttributeType").GetString()))
            .Should().BeEquivalentTo(new[] { ("strategy_name", "S"), ("config_id", "S"), ("status", "S"), ("config_hash", "S"), ("version_number", "N") });
        var indexes = table.GetProperty("GlobalSecondaryIndexes").EnumerateArray()
            .ToDictionary(i => i.GetProperty("IndexName").GetString()!, i => i);
        indexes.Keys.Should().BeEquivalentTo("status-index", "config_hash-index");
        Keys(indexes["status-index"].GetProperty("KeySchema")).Should().Equal(("strategy_name", "HASH"), ("status", "RANGE"));
        Keys(indexes["config_hash-index"].GetProperty("KeySchema")).Should().Equal(("config_hash", "HASH"));
        indexes.Values.Should().AllSatisfy(i => i.GetProperty("Projection").GetProperty("ProjectionType").GetString().Should().Be("ALL"));

        // The local index the store lists through: it exists only if the first deployment creates it.
        var local = table.GetProperty("LocalSecondaryIndexes").EnumerateArray().Should().ContainSingle().Subject;
        local.GetProperty("IndexName").GetString().Should().Be("version_number-index");
        Keys(local.GetProperty("KeySchema")).Should().Equal(("strategy_name", "HASH"), ("version_number", "RANGE"));
        local.GetProperty("Projection").GetProperty("ProjectionType").GetString().Should().Be("ALL");
        table.GetProperty("TimeToLiveSpecification").GetProperty("AttributeName").GetString().Should().Be("ttl");
        table.GetProperty("TimeToLiveSpecification").GetProperty("Enabled").GetBoolean().Should().BeTrue();
        table.GetProperty("BillingMode").GetString().Should().Be("PAY_PER_REQUEST");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Postgres_15_password_is_a_generated_secret_that_rotates(string env)
    {
        var synth = apps.For(env);
        synth.Persistent.HasResourceProperties("AWS::RDS::DBInstance", Of(
            ("Engine", "postgres"),
            ("EngineVersion", "15.13"),
            ("StorageEncrypted", true),
            ("DBInstanceIdentifier", $"tradai-postgres-{env}")));
        synth.Persistent.HasResourceProperties("AWS::SecretsManager::Secret", Of(
            ("Name", $"tradai-rds-credentials-{env}"),
            ("GenerateSecretString", Match.ObjectLike(Of(("GenerateStringKey", "password"))))));
        synth.Persistent.HasResourceProperties("AWS::SecretsManager::RotationSchedule", Of(
            ("RotationRules", Of(("ScheduleExpression", "rate(30 days)"))),
            ("HostedRotationLambda", Match.ObjectLike(Of(("RotationType", "PostgreSQLSingleUser"))))));

        // The password never appears in the template: the instance reads it from the secret.
        var instance = synth.Resources("Persistent", "AWS::RDS::DBInstance").Single().Properties;
        instance.GetProperty("MasterUserPassword").GetRawText().Should().Contain("resolve:secretsmanager");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Stacks_reference_each_other_by_construct_through_exports(string env)
    {
        var synth = apps.For(env);
        var compute = synth.TemplateJson("Compute").GetRawText();
        compute.Should().Contain($"tradai-foundation-{env}:ExportsOutput", "the VPC, subnets and security groups come from the foundation stack");
        compute.Should().Contain($"tradai-persistent-{env}:ExportsOutput", "buckets, tables and repositories come from the persistent stack");
        compute.Should().Contain($"tradai-edge-{env}:ExportsOutput", "target groups come from the edge stack");
        synth.TemplateJson("Persistent").GetRawText().Should().Contain($"tradai-foundation-{env}:ExportsOutput");
        synth.TemplateJson("Edge").GetRawText().Should().Contain($"tradai-foundation-{env}:ExportsOutput");

        // Dependencies point one way: foundation depends on nothing, compute on all three.
        synth.Stacks.Foundation.Dependencies.Should().BeEmpty();
        synth.Stacks.Compute.Dependencies.Select(s => s.Node.Id).Should().BeEquivalentTo("Foundation", "Persistent", "Edge");
        var services = synth.Resources("Compute", "AWS::ECS::Service");
        services.Should().HaveCount(synth.Config.Services.Count, "every configured service is deployed (trading ones with no tasks outside prod)");
        foreach (var (_, props) in services)
        {
            props.GetProperty("NetworkConfiguration").GetRawText().Should().Contain("Fn::ImportValue").And.NotContain("subnet-");
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Alb_routes_each_path_pattern_to_its_service(string env)
    {
        var synth = apps.For(env);
        synth.Config.Api.AlbPathPatterns.Should().HaveCount(4);
        synth.Resources("Edge", "AWS::ElasticLoadBalancingV2::ListenerRule").Should().HaveCount(4);
        foreach (var rule in synth.Config.Api.AlbPathPatterns)
        {
            synth.Edge.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Of(
                ("Priority", rule.Priority),
                ("Conditions", new[] { Of(("Field", "path-pattern"), ("PathPatternConfig", Of(("Values", rule.PathPatterns.ToArray())))) })));
            var service = synth.Config.Service(rule.Service);
            synth.Edge.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Of(
                ("Port", service.Port), ("TargetType", "ip"), ("HealthCheckPath", service.HealthCheckPath)));
            synth.Compute.HasResourceProperties("AWS::ECS::Service", Of(
                ("ServiceName", service.ServiceName),
                ("LoadBalancers", new[] { Match.ObjectLike(Of(("ContainerName", service.Name), ("ContainerPort", service.Port))) })));
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Each_periodic_lambda_runs_on_its_schedule_with_the_environment_log_retention(string env)
    {
        var synth = apps.For(env);
        var retentionDays = env == "prod" ? 90 : 30; // SPEC §8
        var groups = synth.Resources("Compute", "AWS::Logs::LogGroup").ToDictionary(g => g.Properties.GetProperty("LogGroupName").GetString()!);
        var functions = synth.Resources("Compute", "AWS::Lambda::Function")
            .Where(f => f.Properties.TryGetProperty("FunctionName", out _))
            .ToDictionary(f => f.Properties.GetProperty("FunctionName").GetString()!);
        synth.Config.Schedules.Lambdas.Should().HaveCount(4);
        foreach (var lambda in synth.Config.Schedules.Lambdas)
        {
            synth.Compute.HasResourceProperties("AWS::Events::Rule", Of(("Name", lambda.RuleName), ("ScheduleExpression", lambda.Expression), ("State", "ENABLED")));
            synth.Compute.HasResourceProperties("AWS::Lambda::Function", Of(
                ("FunctionName", lambda.FunctionName), ("MemorySize", lambda.MemoryMb), ("Timeout", lambda.TimeoutSeconds), ("PackageType", "Image")));

            // The function logs to its own group, kept as long as the environment keeps logs.
            var group = groups.Should().ContainKey($"/aws/lambda/{lambda.FunctionName}").WhoseValue;
            group.Properties.GetProperty("RetentionInDays").GetInt32().Should().Be(retentionDays, lambda.FunctionName);
            functions[lambda.FunctionName].Properties.GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString()
                .Should().Be(group.Id, $"{lambda.FunctionName} writes to that group");
        }

        synth.Compute.HasResourceProperties("AWS::Events::Rule", Of(("Name", $"tradai-drift-monitor-schedule-{env}"), ("ScheduleExpression", "rate(6 hours)")));
    }

    // Names that are not a resource's own: scoped inside another resource, or fixed by AWS/CDK.
    private static readonly (string Type, string Property)[] ScopedNames =
    [
        ("AWS::ServiceDiscovery::Service", "Name"), // a DNS label inside the {project}-{env}.local namespace
        ("AWS::ApiGatewayV2::Authorizer", "Name"), // scoped to its API
        ("AWS::ApiGatewayV2::Stage", "StageName"), // $default
        ("AWS::IAM::Policy", "PolicyName"), // inline policies, named by CDK
        ("AWS::RDS::DBInstance", "DBName"), // the database inside the instance
    ];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_resource_name_follows_project_name_env(string env)
    {
        // Every top-level name property of every resource in the four stacks (no list of types to go stale): a resource
        // added with a name is checked without touching this test.
        var synth = apps.For(env);
        var names = new List<(string Where, string Name)>();
        foreach (var stack in new[] { "Foundation", "Persistent", "Edge", "Compute" })
        {
            foreach (var resource in synth.TemplateJson(stack).GetProperty("Resources").EnumerateObject())
            {
                var type = resource.Value.GetProperty("Type").GetString()!;
                if (!resource.Value.TryGetProperty("Properties", out var properties))
                {
                    continue;
                }

                foreach (var property in properties.EnumerateObject())
                {
                    if ((property.Name.EndsWith("Name", StringComparison.Ordinal) || property.Name is "Family" or "DBInstanceIdentifier")
                        && property.Value.ValueKind == JsonValueKind.String && !ScopedNames.Contains((type, property.Name)))
                    {
                        names.Add(($"{stack} {resource.Name} {type}.{property.Name}", property.Value.GetString()!));
                    }
                }
            }
        }

        names.Should().HaveCountGreaterThan(60);
        foreach (var (where, name) in names)
        {
            var bare = name.StartsWith("/ecs/", StringComparison.Ordinal) ? name["/ecs/".Length..]
                : name.StartsWith("/aws/lambda/", StringComparison.Ordinal) ? name["/aws/lambda/".Length..]
                : name;
            if (where.EndsWith("AWS::ServiceDiscovery::PrivateDnsNamespace.Name", StringComparison.Ordinal))
            {
                bare.Should().Be($"tradai-{env}.local", where);
                continue;
            }

            bare.Should().MatchRegex($"^tradai-[a-z0-9-]+-{env}$", where);
        }

        // The names the old hand-made list held are all among them.
        foreach (var type in new[] { "BucketName", "TableName", "RepositoryName", "ServiceName", "QueueName", "FunctionName", "GroupName", "LogGroupName", "StateMachineName", "UserPoolName" })
        {
            names.Should().Contain(n => n.Where.EndsWith("." + type, StringComparison.Ordinal), type);
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Backend_container_environment_is_the_env_file_tradai_infra_env_prints(string env)
    {
        var synth = apps.For(env);
        var backend = synth.Resources("Compute", "AWS::ECS::TaskDefinition")
            .Single(t => t.Properties.GetProperty("Family").GetString() == $"tradai-backend-{env}").Properties;
        var container = backend.GetProperty("ContainerDefinitions")[0].GetProperty("Environment").EnumerateArray()
            .ToDictionary(e => e.GetProperty("Name").GetString()!, e => e.GetProperty("Value"));

        var file = ServiceEnvFiles.Build(synth.Config, "backend", DeploymentFacts.ForAccount("123456789012"));
        // Every entry of the env file, and nothing else but the AWS_REGION CDK adds to tasks on EC2 (Fargate sets it itself).
        container.Keys.Except(["AWS_REGION"]).Should().BeEquivalentTo(file.Entries.Select(e => e.Name));
        foreach (var entry in file.Entries.Where(e => e.Availability == EnvValueAvailability.Known))
        {
            container[entry.Name].GetString().Should().Be(entry.Value, entry.Name);
        }

        // Account-dependent values are the same text with the deploying account's id joined in.
        var queue = container["BACKEND_SQS_QUEUE_URL"];
        queue.ValueKind.Should().Be(JsonValueKind.Object);
        var joined = string.Concat(queue.GetProperty("Fn::Join")[1].EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : "123456789012"));
        joined.Should().Be(file.Entries.Single(e => e.Name == "BACKEND_SQS_QUEUE_URL").Value);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Backtest_workflow_and_queue_carry_the_configured_names(string env)
    {
        var synth = apps.For(env);
        synth.Compute.HasResourceProperties("AWS::StepFunctions::StateMachine", Of(("StateMachineName", $"tradai-backtest-workflow-{env}")));
        synth.Compute.HasResourceProperties("AWS::SQS::Queue", Of(
            ("QueueName", $"tradai-backtest-jobs-{env}"),
            ("RedrivePolicy", Match.ObjectLike(Of(("maxReceiveCount", 3))))));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Cognito_password_policy_comes_from_the_config(string env)
    {
        var policy = apps.For(env).Config.Auth.Cognito.PasswordPolicy;
        apps.For(env).Foundation.HasResourceProperties("AWS::Cognito::UserPool", Of(
            ("Policies", Of(("PasswordPolicy", Of(
                ("MinimumLength", policy.MinLength),
                ("RequireLowercase", policy.RequireLowercase),
                ("RequireUppercase", policy.RequireUppercase),
                ("RequireNumbers", policy.RequireDigits),
                ("RequireSymbols", policy.RequireSymbols),
                ("TemporaryPasswordValidityDays", policy.TemporaryPasswordValidityDays)))))));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_consolidated_host_is_drained_by_ecs_and_no_function_runs_on_a_managed_runtime(string env)
    {
        var synth = apps.For(env);
        var providers = synth.Resources("Compute", "AWS::ECS::CapacityProvider");
        providers.Should().HaveCount(synth.Config.Compute.ConsolidatedMode ? 1 : 0, "only the consolidated EC2 host has a capacity provider");
        foreach (var (_, provider) in providers)
        {
            provider.GetProperty("AutoScalingGroupProvider").GetProperty("ManagedDraining").GetString().Should().Be("ENABLED");
        }

        // Every function is a container image: no runtime that AWS can retire (the drain hook ran on python3.9).
        foreach (var stack in new[] { "Foundation", "Persistent", "Edge", "Compute" })
        {
            synth.Resources(stack, "AWS::Lambda::Function").Should().AllSatisfy(f =>
                f.Properties.TryGetProperty("Runtime", out _).Should().BeFalse($"{f.Id} in {stack} names a runtime"));
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Each_task_role_is_granted_what_the_service_profile_says(string env)
    {
        var synth = apps.For(env);
        var policies = synth.Resources("Compute", "AWS::IAM::Policy");
        string PolicyOf(string service) =>
            policies.Single(p => p.Id.StartsWith(Synthesis.CdkIdsForTests.Task(service) + "TaskRoleDefaultPolicy", StringComparison.Ordinal)).Properties.GetRawText();

        PolicyOf("backend").Should().Contain("sqs:SendMessage").And.Contain("states:StartExecution").And.Contain("dynamodb:PutItem");
        PolicyOf("data-collection").Should().NotContain("dynamodb:", "the data collector names no table");
        PolicyOf("strategy-service").Should().Contain("dynamodb:GetItem").And.NotContain("dynamodb:PutItem");
        PolicyOf("live-trading").Should().Contain("dynamodb:PutItem", "the trading state table is read-write").And.NotContain("sqs:");
    }

    private static IEnumerable<(string?, string?)> Keys(JsonElement schema) =>
        schema.EnumerateArray().Select(k => (k.GetProperty("AttributeName").GetString(), k.GetProperty("KeyType").GetString()));
}
