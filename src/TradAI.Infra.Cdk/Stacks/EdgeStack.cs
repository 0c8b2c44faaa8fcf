using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using TradAI.Deployment.Profiles;
using TradAI.Infra.EnvFiles;
using TradAI.Infra.Model;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace TradAI.Infra.Cdk.Stacks;

/// <summary>
/// The way in: an internet-facing ALB with one listener rule per service path pattern (unless <c>skip_alb</c>), and an
/// HTTP API with Cognito authorization, the default and backtest throttles, and CORS per environment. The compute
/// stack registers its services into the target groups (or, without an ALB, the backend's Cloud Map service) made here.
/// </summary>
public sealed class EdgeStack : Stack
{
    public EdgeStack(Construct scope, string id, InfraConfig config, FoundationStack foundation, IStackProps props)
        : base(scope, id, props)
    {
        var api = config.Api;
        var backend = config.Service(ServiceProfiles.BackendName);
        var vpcLink = new VpcLink(this, "VpcLink", new VpcLinkProps
        {
            VpcLinkName = config.Environment.ResourceName("vpclink"),
            Vpc = foundation.Vpc,
            Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            SecurityGroups = [foundation.VpcLinkSecurityGroup],
        });

        HttpRouteIntegration integration;
        if (api.AlbEnabled)
        {
            LoadBalancer = new ApplicationLoadBalancer(this, "Alb", new ApplicationLoadBalancerProps
            {
                LoadBalancerName = api.AlbName,
                Vpc = foundation.Vpc,
                InternetFacing = true,
                SecurityGroup = foundation.AlbSecurityGroup,
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            });
            Listener = LoadBalancer.AddListener("Http", new BaseApplicationListenerProps
            {
                Port = 80,
                Open = false,
                DefaultAction = ListenerAction.FixedResponse(404, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "not found" }),
            });
            foreach (var rule in api.AlbPathPatterns)
            {
                var service = config.Service(rule.Service);
                var group = new ApplicationTargetGroup(this, CdkIds.Of(service.Name, "TargetGroup"), new ApplicationTargetGroupProps
                {
                    Vpc = foundation.Vpc,
                    Port = service.Port,
                    Protocol = ApplicationProtocol.HTTP,
                    TargetType = TargetType.IP,
                    DeregistrationDelay = Duration.Seconds(30),
                    HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck { Path = service.HealthCheckPath, HealthyHttpCodes = "200" },
                });
                Listener.AddTargetGroups(CdkIds.Of(service.Name, "Rule"), new AddApplicationTargetGroupsProps
                {
                    Priority = rule.Priority,
                    Conditions = [ListenerCondition.PathPatterns([.. rule.PathPatterns])],
                    TargetGroups = [group],
                });
                TargetGroups[service.Name] = group;
            }

            integration = new HttpAlbIntegration("Alb", Listener, new HttpAlbIntegrationProps { VpcLink = vpcLink });
            _ = new CfnOutput(this, StackOutputs.AlbDnsName, new CfnOutputProps { Value = LoadBalancer.LoadBalancerDnsName });
        }
        else
        {
            // Without an ALB, API Gateway finds the backend tasks through an SRV record the backend service registers in.
            BackendDiscovery = new Service(this, "BackendDiscovery", new ServiceProps
            {
                Namespace = foundation.Namespace,
                Name = backend.Name,
                DnsRecordType = DnsRecordType.SRV,
                DnsTtl = Duration.Seconds(10),
            });
            integration = new HttpServiceDiscoveryIntegration("Backend", BackendDiscovery, new HttpServiceDiscoveryIntegrationProps { VpcLink = vpcLink });
        }

        Api = new HttpApi(this, "HttpApi", new HttpApiProps
        {
            ApiName = api.ApiName,
            CreateDefaultStage = false,
            CorsPreflight = api.CorsAllowedOrigins.Count == 0 ? null : new CorsPreflightOptions
            {
                AllowOrigins = [.. api.CorsAllowedOrigins],
                AllowMethods = [CorsHttpMethod.ANY],
                AllowHeaders = ["Authorization", "Content-Type"],
                MaxAge = Duration.Hours(1),
            },
        });

        var authorizer = new HttpUserPoolAuthorizer("Cognito", foundation.UserPool, new HttpUserPoolAuthorizerProps
        {
            UserPoolClients = [foundation.UserPoolClient],
        });
        var routes = new List<HttpRoute>();
        foreach (var route in api.Routes)
        {
            routes.AddRange(Api.AddRoutes(new AddRoutesOptions
            {
                Path = route.Path,
                Methods = [Enum.Parse<HttpMethod>(route.Method)],
                Integration = integration,
                Authorizer = route.Authorized ? authorizer : new HttpNoneAuthorizer(),
            }));
        }

        var defaultThrottle = api.Throttle("default");
        Stage = Api.AddStage("DefaultStage", new HttpStageOptions
        {
            StageName = "$default",
            AutoDeploy = true,
            Throttle = new ThrottleSettings { RateLimit = defaultThrottle.RateLimit, BurstLimit = defaultThrottle.BurstLimit },
        });

        // Per-route throttles (the backtest routes get their own, lower limit) are stage route settings.
        var routeSettings = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var route in api.Routes.Where(r => r.Throttle != "default"))
        {
            var throttle = api.Throttle(route.Throttle);
            routeSettings[route.RouteKey] = new Dictionary<string, object>
            {
                ["ThrottlingRateLimit"] = throttle.RateLimit,
                ["ThrottlingBurstLimit"] = throttle.BurstLimit,
            };
        }

        var cfnStage = (CfnStage)Stage.Node.DefaultChild!;
        if (routeSettings.Count > 0)
        {
            cfnStage.AddPropertyOverride("RouteSettings", routeSettings);
        }

        // Route settings name routes by key, so the routes must exist before the stage is updated.
        foreach (var route in routes)
        {
            cfnStage.Node.AddDependency(route);
        }

        _ = new CfnOutput(this, StackOutputs.ApiEndpoint, new CfnOutputProps { Value = Api.ApiEndpoint });
    }

    public HttpApi Api { get; }

    public HttpStage Stage { get; }

    /// <summary>Null with <c>skip_alb</c>.</summary>
    public ApplicationLoadBalancer? LoadBalancer { get; }

    /// <summary>Null with <c>skip_alb</c>.</summary>
    public ApplicationListener? Listener { get; }

    /// <summary>Target groups by service name; empty with <c>skip_alb</c>.</summary>
    public Dictionary<string, ApplicationTargetGroup> TargetGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>The backend's Cloud Map service with <c>skip_alb</c>; null otherwise.</summary>
    public Service? BackendDiscovery { get; }
}
