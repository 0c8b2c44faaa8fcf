namespace TradAI.Infra.Model;

/// <summary>The single EC2 host of consolidated mode; <paramref name="CustomAmiId"/> selects a Packer-built AMI over the ECS-optimized one.</summary>
public sealed record Ec2ConsolidatedConfig(string InstanceType, int MinCapacity, int MaxCapacity, int RootVolumeGb, string? CustomAmiId);
