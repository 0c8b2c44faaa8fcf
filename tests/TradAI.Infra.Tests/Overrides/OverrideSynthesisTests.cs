using System.Text.Json;
using Amazon.CDK.Assertions;
using AwesomeAssertions;
using TradAI.Infra.Tests.Synthesis;
using static TradAI.Infra.Tests.Synthesis.Props;

namespace TradAI.Infra.Tests.Overrides;

/// <summary>SPEC §3.3 overrides given as CDK context change the synthesized stacks (two synthesized variants, shared).</summary>
public sealed class OverrideSynthesisTests(SynthesizedApps apps)
{
    [Fact]
    public void Consolidated_mode_false_moves_dev_to_fargate()
    {
        var synth = apps.DevWithOverrides;
        synth.Compute.ResourceCountIs("AWS::AutoScaling::AutoScalingGroup", 0);
        synth.Compute.HasResourceProperties("AWS::ECS::Service", Of(
            ("ServiceName", "tradai-backend-dev"),
            ("CapacityProviderStrategy", new[] { Of(("CapacityProvider", "FARGATE"), ("Weight", 1)) })));
        synth.Compute.HasResourceProperties("AWS::ECS::TaskDefinition", Of(
            ("Family", "tradai-backend-dev"), ("RequiresCompatibilities", new[] { "FARGATE" }), ("Cpu", "512"), ("Memory", "1024")));
    }

    [Fact]
    public void Skip_alb_removes_the_load_balancer_and_routes_api_gateway_through_cloud_map()
    {
        var synth = apps.DevWithOverrides;
        synth.Edge.ResourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 0);
        synth.Edge.ResourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 0);
        synth.Edge.HasResourceProperties("AWS::ServiceDiscovery::Service", Of(
            ("Name", "backend"),
            ("DnsConfig", Match.ObjectLike(Of(("DnsRecords", new[] { Of(("Type", "SRV"), ("TTL", 10)) }))))));
        synth.Edge.HasResourceProperties("AWS::ApiGatewayV2::Integration", Of(
            ("IntegrationType", "HTTP_PROXY"), ("ConnectionType", "VPC_LINK"),
            ("IntegrationUri", Match.ObjectLike(Of(("Fn::GetAtt", Match.ArrayWith(new object[] { "Arn" })))))));

        // The backend registers into the edge's discovery service instead of a target group.
        var backend = synth.Resources("Compute", "AWS::ECS::Service").Single(s => s.Properties.GetProperty("ServiceName").GetString() == "tradai-backend-dev").Properties;
        backend.TryGetProperty("LoadBalancers", out _).Should().BeFalse();
        backend.GetProperty("ServiceRegistries")[0].GetProperty("RegistryArn").GetRawText().Should().Contain("tradai-edge-dev:ExportsOutput");
        synth.TemplateJson("Edge").GetProperty("Outputs").EnumerateObject().Select(o => o.Name).Should().NotContain(n => n.StartsWith("AlbDnsName", StringComparison.Ordinal));
    }

    [Fact]
    public void Strategy_ecr_repos_become_repositories()
    {
        var synth = apps.DevWithOverrides;
        synth.Persistent.HasResourceProperties("AWS::ECR::Repository", Of(("RepositoryName", "tradai-strategy-momentum-dev"), ("ImageScanningConfiguration", Of(("ScanOnPush", true)))));
        synth.Persistent.HasResourceProperties("AWS::ECR::Repository", Of(("RepositoryName", "tradai-strategy-mean-reversion-dev")));
        apps.For("dev").Persistent.ResourcePropertiesCountIs("AWS::ECR::Repository", Of(("RepositoryName", "tradai-strategy-momentum-dev")), 0);
    }

    [Fact]
    public void Cors_allowed_origins_replace_the_environment_default() =>
        apps.DevWithOverrides.Edge.HasResourceProperties("AWS::ApiGatewayV2::Api", Of(
            ("CorsConfiguration", Match.ObjectLike(Of(("AllowOrigins", new[] { "https://app.tradai.example" }))))));

    [Fact]
    public void Drift_monitor_schedule_overrides_only_its_own_rule()
    {
        var synth = apps.DevWithOverrides;
        synth.Compute.HasResourceProperties("AWS::Events::Rule", Of(("Name", "tradai-drift-monitor-schedule-dev"), ("ScheduleExpression", "rate(1 day)")));
        synth.Compute.HasResourceProperties("AWS::Events::Rule", Of(("Name", "tradai-health-check-schedule-dev"), ("ScheduleExpression", "rate(5 minutes)")));
    }

    [Fact]
    public void Custom_ami_is_the_consolidated_hosts_image()
    {
        var synth = apps.ProdWithCustomAmi;
        synth.Compute.ResourceCountIs("AWS::AutoScaling::AutoScalingGroup", 1);
        synth.Compute.HasResourceProperties("AWS::EC2::LaunchTemplate", Of(
            ("LaunchTemplateData", Match.ObjectLike(Of(("ImageId", "ami-0123456789abcdef0"), ("InstanceType", "m5.large"))))));

        // On the consolidated host there is no Spot: dry-run trading uses the host's capacity provider.
        var dryRun = synth.Resources("Compute", "AWS::ECS::Service").Single(s => s.Properties.GetProperty("ServiceName").GetString() == "tradai-dry-run-trading-prod").Properties;
        dryRun.GetProperty("CapacityProviderStrategy")[0].GetProperty("CapacityProvider").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public void Default_consolidated_host_uses_the_ecs_optimized_image()
    {
        var template = apps.For("dev").TemplateJson("Compute");
        var data = apps.For("dev").Resources("Compute", "AWS::EC2::LaunchTemplate").Single().Properties.GetProperty("LaunchTemplateData");
        data.GetProperty("ImageId").GetRawText().Should().Contain("Ref").And.NotContain("ami-");
        template.GetProperty("Parameters").EnumerateObject().Select(p => p.Value.GetProperty("Default").GetString())
            .Should().Contain(d => d!.Contains("/ecs/optimized-ami/amazon-linux-2023", StringComparison.Ordinal));
    }
}
