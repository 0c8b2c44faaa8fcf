using Amazon.CDK;
using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.ServiceDiscovery;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Deployment.Profiles;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Model;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using EventSchedule = Amazon.CDK.AWS.Events.Schedule;
using LambdaTarget = Amazon.CDK.AWS.Events.Targets.LambdaFunction;
using Sfn = Amazon.CDK.AWS.StepFunctions.Tasks;

namespace TradAI.Infra.Cdk.Stacks;

/// <summary>
/// What runs: the ECS cluster on one consolidated EC2 host (dev/staging) or Fargate (prod, dry-run trading on Spot),
/// one service per configured service with its env file derived from the same config, the backtest queue and
/// workflow, and the scheduled Lambdas. Log groups keep the environment's retention.
/// </summary>
public sealed class ComputeStack : Stack
{
    public ComputeStack(Construct scope, string id, InfraConfig config, FoundationStack foundation, PersistentStack persistent, EdgeStack edge, IStackProps props)
        : base(scope, id, props)
    {
        var compute = config.Compute;
        var retention = LogRetention.From(compute.LogRetentionDays);
        var privateSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = compute.ClusterName,
            Vpc = foundation.Vpc,
            ContainerInsights = compute.ContainerInsights,
            EnableFargateCapacityProviders = true,
        });

        if (compute.ConsolidatedMode)
        {
            var ec2 = compute.Ec2;
            var image = ec2.CustomAmiId is null
                ? EcsOptimizedImage.AmazonLinux2023()
                : MachineImage.GenericLinux(new Dictionary<string, string> { [config.Environment.Region] = ec2.CustomAmiId });
            var template = new LaunchTemplate(this, "Ec2HostTemplate", new LaunchTemplateProps
            {
                LaunchTemplateName = config.Environment.ResourceName("ecs-host"),
                InstanceType = new InstanceType(ec2.InstanceType),
                MachineImage = image,
                SecurityGroup = foundation.ServiceSecurityGroup,
                Role = new Amazon.CDK.AWS.IAM.Role(this, "Ec2HostRole", new Amazon.CDK.AWS.IAM.RoleProps
                {
                    AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("ec2.amazonaws.com"),
                }),
                UserData = UserData.ForLinux(),
                RequireImdsv2 = true,
                BlockDevices = [new Amazon.CDK.AWS.EC2.BlockDevice
                {
                    DeviceName = "/dev/xvda",
                    Volume = Amazon.CDK.AWS.EC2.BlockDeviceVolume.Ebs(ec2.RootVolumeGb, new Amazon.CDK.AWS.EC2.EbsDeviceOptions { Encrypted = true }),
                }],
            });
            HostGroup = new AutoScalingGroup(this, "Ec2Host", new AutoScalingGroupProps
            {
                AutoScalingGroupName = config.Environment.ResourceName("ecs-host"),
                Vpc = foundation.Vpc,
                VpcSubnets = privateSubnets,
                LaunchTemplate = template,
                MinCapacity = ec2.MinCapacity,
                MaxCapacity = ec2.MaxCapacity,
            });
            HostCapacity = new AsgCapacityProvider(this, "Ec2Capacity", new AsgCapacityProviderProps
            {
                AutoScalingGroup = HostGroup,
                CapacityProviderName = config.Environment.ResourceName("ec2-capacity"),
                EnableManagedTerminationProtection = false,
                // ECS drains the host's tasks before the group terminates it. Without this CDK adds its lifecycle-hook
                // Lambda, which runs on python3.9: AWS no longer creates functions on that runtime (cfn-lint E2533).
                EnableManagedDraining = true,
                MachineImageType = MachineImageType.AMAZON_LINUX_2,
            });
            Cluster.AddAsgCapacityProvider(HostCapacity);
        }

        BacktestDeadLetterQueue = new Queue(this, "BacktestDeadLetterQueue", new QueueProps
        {
            QueueName = compute.BacktestDeadLetterQueueName,
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
        });
        BacktestQueue = new Queue(this, "BacktestQueue", new QueueProps
        {
            QueueName = compute.BacktestQueueName,
            VisibilityTimeout = Duration.Minutes(15),
            Encryption = QueueEncryption.SQS_MANAGED,
            DeadLetterQueue = new DeadLetterQueue { Queue = BacktestDeadLetterQueue, MaxReceiveCount = 3 },
        });

        var repositories = config.Ecr;
        Amazon.CDK.AWS.ECR.Repository Repo(string key) => persistent.Repositories[repositories.Repository(key).Name];

        BacktestStateMachine = BacktestWorkflow(config, persistent, foundation.ServiceSecurityGroup, privateSubnets, retention, Repo(compute.BacktestRepository));

        // The containers' environment and secrets are the same derivation `tradai infra env` prints (the service
        // profiles); AWS fills in what it assigns.
        var facts = new DeploymentFacts(Aws.ACCOUNT_ID, foundation.UserPool.UserPoolId, foundation.UserPoolClient.UserPoolClientId);
        foreach (var service in config.Services)
        {
            var profile = ServiceProfiles.Get(service.Name);
            var logGroup = new LogGroup(this, CdkIds.Of(service.Name, "Logs"), new LogGroupProps
            {
                LogGroupName = $"/ecs/{service.ServiceName}",
                Retention = retention,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            TaskDefinition task = compute.ConsolidatedMode
                ? new Ec2TaskDefinition(this, CdkIds.Of(service.Name, "Task"), new Ec2TaskDefinitionProps { Family = service.ServiceName, NetworkMode = NetworkMode.AWS_VPC })
                : new FargateTaskDefinition(this, CdkIds.Of(service.Name, "Task"), new FargateTaskDefinitionProps
                {
                    Family = service.ServiceName,
                    Cpu = service.Cpu,
                    MemoryLimitMiB = service.Memory,
                });
            var env = ServiceEnvFiles.Build(config, service.Name, facts);
            var container = task.AddContainer("app", new ContainerDefinitionOptions
            {
                ContainerName = service.Name,
                Image = ContainerImage.FromEcrRepository(Repo(service.Repository), "latest"),
                Cpu = service.Cpu,
                MemoryLimitMiB = service.Memory,
                PortMappings = [new PortMapping { ContainerPort = service.Port }],
                Environment = env.KnownValues.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                Secrets = env.Secrets.Count == 0 ? null : env.Secrets.ToDictionary(
                    secret => secret.Name,
                    secret => secret.JsonField is null
                        ? EcsSecret.FromSecretsManager(persistent.SecretFor(secret.Secret))
                        : EcsSecret.FromSecretsManager(persistent.SecretFor(secret.Secret), secret.JsonField),
                    StringComparer.Ordinal),
                Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = service.Name }),
                HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck
                {
                    Command = ["CMD-SHELL", $"curl -fs http://localhost:{service.Port}{service.HealthCheckPath} || exit 1"],
                    StartPeriod = Duration.Seconds(60),
                },
            });
            foreach (var permission in profile.Permissions)
            {
                Grant(permission, task.TaskRole, persistent);
            }

            var strategy = new[]
            {
                new CapacityProviderStrategy
                {
                    CapacityProvider = compute.ConsolidatedMode
                        ? HostCapacity!.CapacityProviderName
                        : service.Capacity == CapacityKind.Spot ? "FARGATE_SPOT" : "FARGATE",
                    Weight = 1,
                },
            };
            BaseService ecsService = compute.ConsolidatedMode
                ? new Ec2Service(this, CdkIds.Of(service.Name, "Service"), new Ec2ServiceProps
                {
                    Cluster = Cluster,
                    TaskDefinition = task,
                    ServiceName = service.ServiceName,
                    DesiredCount = service.DesiredCount,
                    SecurityGroups = [foundation.ServiceSecurityGroup],
                    VpcSubnets = privateSubnets,
                    CapacityProviderStrategies = strategy,
                    CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
                })
                : new FargateService(this, CdkIds.Of(service.Name, "Service"), new FargateServiceProps
                {
                    Cluster = Cluster,
                    TaskDefinition = task,
                    ServiceName = service.ServiceName,
                    DesiredCount = service.DesiredCount,
                    SecurityGroups = [foundation.ServiceSecurityGroup],
                    VpcSubnets = privateSubnets,
                    CapacityProviderStrategies = strategy,
                    CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
                });

            if (edge.TargetGroups.TryGetValue(service.Name, out var targetGroup))
            {
                ecsService.AttachToApplicationTargetGroup(targetGroup);
            }

            if (edge.BackendDiscovery is not null && service.Name == ServiceProfiles.BackendName)
            {
                ecsService.AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = edge.BackendDiscovery, Container = container, ContainerPort = service.Port });
            }
            else
            {
                ecsService.EnableCloudMap(new CloudMapOptions { Name = service.Name, CloudMapNamespace = foundation.Namespace, DnsRecordType = DnsRecordType.A, DnsTtl = Duration.Seconds(10) });
            }

            Services[service.Name] = ecsService;
        }

        foreach (var lambda in config.Schedules.Lambdas)
        {
            var logGroup = new LogGroup(this, CdkIds.Of(lambda.Key, "FunctionLogs"), new LogGroupProps
            {
                LogGroupName = $"/aws/lambda/{lambda.FunctionName}",
                Retention = retention,
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            var function = new DockerImageFunction(this, CdkIds.Of(lambda.Key, "Function"), new DockerImageFunctionProps
            {
                FunctionName = lambda.FunctionName,
                Code = DockerImageCode.FromEcr(Repo(lambda.Key), new EcrImageCodeProps { TagOrDigest = "latest" }),
                MemorySize = lambda.MemoryMb,
                Timeout = Duration.Seconds(lambda.TimeoutSeconds),
                Vpc = foundation.Vpc,
                VpcSubnets = privateSubnets,
                SecurityGroups = [foundation.LambdaSecurityGroup],
                LogGroup = logGroup,
                Environment = new Dictionary<string, string>
                {
                    ["ENVIRONMENT"] = config.Environment.Name.ToName(),
                    ["S3_CONFIG_BUCKET"] = persistent.Buckets[ResourceKeys.Buckets.Configs].BucketName,
                    ["DYNAMODB_TABLE_NAME"] = persistent.Tables[ResourceKeys.Tables.ConfigVersions].TableName,
                    ["ECS_CLUSTER"] = Cluster.ClusterName,
                },
            });
            RedundantDependency.Drop((CfnResource)function.Node.DefaultChild!, (CfnResource)function.Role!.Node.DefaultChild!);
            persistent.Buckets[ResourceKeys.Buckets.Configs].GrantRead(function);
            persistent.Tables[ResourceKeys.Tables.ConfigVersions].GrantReadWriteData(function);
            _ = new Rule(this, CdkIds.Of(lambda.Key, "Schedule"), new RuleProps
            {
                RuleName = lambda.RuleName,
                Schedule = EventSchedule.Expression(lambda.Expression),
                Targets = [new LambdaTarget(function)],
            });
            Functions[lambda.Key] = function;
        }
    }

    public Cluster Cluster { get; }

    /// <summary>The consolidated EC2 host; null in Fargate mode.</summary>
    public AutoScalingGroup? HostGroup { get; }

    public AsgCapacityProvider? HostCapacity { get; }

    public Queue BacktestQueue { get; }

    public Queue BacktestDeadLetterQueue { get; }

    public StateMachine BacktestStateMachine { get; }

    public Dictionary<string, BaseService> Services { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DockerImageFunction> Functions { get; } = new(StringComparer.Ordinal);

    private StateMachine BacktestWorkflow(InfraConfig config, PersistentStack persistent, ISecurityGroup securityGroup, SubnetSelection subnets, RetentionDays retention, Amazon.CDK.AWS.ECR.IRepository image)
    {
        var compute = config.Compute;
        var task = new FargateTaskDefinition(this, "BacktestTask", new FargateTaskDefinitionProps { Family = compute.BacktestTaskFamily, Cpu = 1024, MemoryLimitMiB = 2048 });
        var logGroup = new LogGroup(this, "BacktestLogs", new LogGroupProps
        {
            LogGroupName = $"/ecs/{compute.BacktestTaskFamily}",
            Retention = retention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var container = task.AddContainer("runner", new ContainerDefinitionOptions
        {
            ContainerName = "backtest-runner",
            Image = ContainerImage.FromEcrRepository(image, "latest"),
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = "backtest" }),
            Environment = new Dictionary<string, string>
            {
                ["ENVIRONMENT"] = config.Environment.Name.ToName(),
                ["RESULTS_BUCKET"] = persistent.Buckets[ResourceKeys.Buckets.Results].BucketName,
                ["S3_CONFIG_BUCKET"] = persistent.Buckets[ResourceKeys.Buckets.Configs].BucketName,
                ["JOBS_TABLE_NAME"] = persistent.Tables[ResourceKeys.Tables.BacktestJobs].TableName,
            },
        });
        persistent.Buckets[ResourceKeys.Buckets.Results].GrantReadWrite(task.TaskRole);
        persistent.Buckets[ResourceKeys.Buckets.Configs].GrantRead(task.TaskRole);
        persistent.Tables[ResourceKeys.Tables.BacktestJobs].GrantReadWriteData(task.TaskRole);

        var run = new Sfn.EcsRunTask(this, "RunBacktest", new Sfn.EcsRunTaskProps
        {
            Cluster = Cluster,
            TaskDefinition = task,
            LaunchTarget = new Sfn.EcsFargateLaunchTarget(new Sfn.EcsFargateLaunchTargetOptions { PlatformVersion = FargatePlatformVersion.LATEST }),
            IntegrationPattern = IntegrationPattern.RUN_JOB,
            Subnets = subnets,
            SecurityGroups = [securityGroup],
            ContainerOverrides =
            [
                new Sfn.ContainerOverride
                {
                    ContainerDefinition = container,
                    Environment = [new Sfn.TaskEnvironmentVariable { Name = "BACKTEST_JOB_ID", Value = JsonPath.StringAt("$.job_id") }],
                },
            ],
        });
        var workflow = new StateMachine(this, "BacktestWorkflow", new StateMachineProps
        {
            StateMachineName = compute.BacktestStateMachineName,
            DefinitionBody = DefinitionBody.FromChainable(run),
            Timeout = Duration.Hours(6),
        });
        RedundantDependency.Drop((CfnResource)workflow.Node.DefaultChild!, (CfnResource)workflow.Role.Node.DefaultChild!);
        return workflow;
    }

    /// <summary>One grant of a service profile on the task role; a combination the stacks do not offer fails synthesis.</summary>
    private void Grant(ServicePermission permission, IGrantable role, PersistentStack persistent)
    {
        switch (permission)
        {
            case { Resource: ResourceKind.Bucket, Access: AccessLevel.Read }:
                persistent.Buckets[permission.Key].GrantRead(role);
                break;
            case { Resource: ResourceKind.Bucket, Access: AccessLevel.ReadWrite }:
                persistent.Buckets[permission.Key].GrantReadWrite(role);
                break;
            case { Resource: ResourceKind.Table, Access: AccessLevel.Read }:
                persistent.Tables[permission.Key].GrantReadData(role);
                break;
            case { Resource: ResourceKind.Table, Access: AccessLevel.ReadWrite }:
                persistent.Tables[permission.Key].GrantReadWriteData(role);
                break;
            case { Resource: ResourceKind.Queue, Key: ResourceKeys.BacktestQueue, Access: AccessLevel.Send }:
                BacktestQueue.GrantSendMessages(role);
                break;
            case { Resource: ResourceKind.StateMachine, Key: ResourceKeys.BacktestStateMachine, Access: AccessLevel.Start }:
                BacktestStateMachine.GrantStartExecution(role);
                BacktestStateMachine.GrantRead(role);
                break;
            default:
                throw new InvalidOperationException($"the stacks cannot grant {permission.Access} on {permission.Resource} '{permission.Key}'");
        }
    }
}
