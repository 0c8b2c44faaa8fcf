using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Model;

namespace TradAI.Infra.Cdk.Stacks;

/// <summary>
/// Network and identity every other stack builds on: the VPC with its three subnet tiers and NAT instances, the
/// security groups (all rules between tiers live here), the private DNS namespace, and the Cognito user pool.
/// </summary>
public sealed class FoundationStack : Stack
{
    public FoundationStack(Construct scope, string id, InfraConfig config, IStackProps props)
        : base(scope, id, props)
    {
        var network = config.Network;
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            VpcName = network.VpcName,
            IpAddresses = IpAddresses.Cidr(network.VpcCidr),
            // The account's first N zones, chosen at deployment (Fn::GetAZs): a zone name is not available to every
            // account, and a template that names none deploys anywhere (cfn-lint W3010).
            AvailabilityZones = [.. Enumerable.Range(0, network.AvailabilityZoneCount).Select(i => Fn.Select(i, Fn.GetAzs()))],
            NatGatewayProvider = NatProvider.InstanceV2(new NatInstanceProps { InstanceType = new InstanceType(network.NatInstanceType) }),
            NatGateways = network.NatInstances,
            SubnetConfiguration = [.. network.Subnets.Select(s => new SubnetConfiguration
            {
                Name = s.Name,
                CidrMask = s.CidrMask,
                SubnetType = s.Tier switch
                {
                    SubnetTier.Public => SubnetType.PUBLIC,
                    SubnetTier.Private => SubnetType.PRIVATE_WITH_EGRESS,
                    _ => SubnetType.PRIVATE_ISOLATED,
                },
            })],
        });

        var env = config.Environment;
        SecurityGroup Group(string id, string name, string description) => new(this, id, new SecurityGroupProps
        {
            Vpc = Vpc,
            SecurityGroupName = env.ResourceName(name),
            Description = description,
            AllowAllOutbound = true,
        });

        AlbSecurityGroup = Group("AlbSecurityGroup", "alb-sg", "Internet-facing load balancer");
        AlbSecurityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(80), "HTTP from the internet");
        AlbSecurityGroup.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443), "HTTPS from the internet");
        VpcLinkSecurityGroup = Group("VpcLinkSecurityGroup", "vpclink-sg", "API Gateway VPC link");
        ServiceSecurityGroup = Group("ServiceSecurityGroup", "service-sg", "ECS tasks and the consolidated EC2 host");
        LambdaSecurityGroup = Group("LambdaSecurityGroup", "lambda-sg", "Scheduled Lambdas and the secret rotation function");
        DatabaseSecurityGroup = Group("DatabaseSecurityGroup", "database-sg", "PostgreSQL");

        foreach (var service in config.Services)
        {
            ServiceSecurityGroup.AddIngressRule(AlbSecurityGroup, Port.Tcp(service.Port), $"{service.Name} from the load balancer");
            ServiceSecurityGroup.AddIngressRule(VpcLinkSecurityGroup, Port.Tcp(service.Port), $"{service.Name} from API Gateway");
            ServiceSecurityGroup.AddIngressRule(ServiceSecurityGroup, Port.Tcp(service.Port), $"{service.Name} from other services");
            ServiceSecurityGroup.AddIngressRule(LambdaSecurityGroup, Port.Tcp(service.Port), $"{service.Name} from the Lambdas");
        }

        DatabaseSecurityGroup.AddIngressRule(ServiceSecurityGroup, Port.Tcp(5432), "PostgreSQL from services");
        DatabaseSecurityGroup.AddIngressRule(LambdaSecurityGroup, Port.Tcp(5432), "PostgreSQL from Lambdas and rotation");

        Namespace = new PrivateDnsNamespace(this, "Namespace", new PrivateDnsNamespaceProps
        {
            Name = network.ServiceDiscoveryNamespace,
            Vpc = Vpc,
            Description = "Service discovery for the TradAI services",
        });

        var cognito = config.Auth.Cognito;
        UserPool = new UserPool(this, "UserPool", new UserPoolProps
        {
            UserPoolName = cognito.UserPoolName,
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Email = true },
            Mfa = cognito.MfaRequired ? Mfa.REQUIRED : Mfa.OPTIONAL,
            MfaSecondFactor = new MfaSecondFactor { Otp = cognito.MfaTotp, Sms = cognito.MfaSms },
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = cognito.PasswordPolicy.MinLength,
                RequireLowercase = cognito.PasswordPolicy.RequireLowercase,
                RequireUppercase = cognito.PasswordPolicy.RequireUppercase,
                RequireDigits = cognito.PasswordPolicy.RequireDigits,
                RequireSymbols = cognito.PasswordPolicy.RequireSymbols,
                TempPasswordValidity = Duration.Days(cognito.PasswordPolicy.TemporaryPasswordValidityDays),
            },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            RemovalPolicy = config.Storage.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        UserPoolClient = UserPool.AddClient("WebClient", new UserPoolClientOptions
        {
            UserPoolClientName = cognito.ClientName,
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true },
        });

        _ = new CfnOutput(this, StackOutputs.UserPoolId, new CfnOutputProps { Value = UserPool.UserPoolId, Description = "Cognito user pool id" });
        _ = new CfnOutput(this, StackOutputs.UserPoolClientId, new CfnOutputProps { Value = UserPoolClient.UserPoolClientId, Description = "Cognito app client id" });
    }

    public Vpc Vpc { get; }

    public SecurityGroup AlbSecurityGroup { get; }

    public SecurityGroup VpcLinkSecurityGroup { get; }

    public SecurityGroup ServiceSecurityGroup { get; }

    public SecurityGroup LambdaSecurityGroup { get; }

    public SecurityGroup DatabaseSecurityGroup { get; }

    public PrivateDnsNamespace Namespace { get; }

    public UserPool UserPool { get; }

    public UserPoolClient UserPoolClient { get; }
}
