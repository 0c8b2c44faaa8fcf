namespace TradAI.Infra.Model;

/// <summary>VPC layout: CIDR, availability zones, the three subnet tiers, NAT and the private DNS namespace services find each other in.</summary>
public sealed record NetworkConfig(
    string VpcName,
    string VpcCidr,
    IReadOnlyList<string> AvailabilityZones,
    IReadOnlyList<SubnetConfig> Subnets,
    string NatInstanceType,
    int NatInstances,
    string ServiceDiscoveryNamespace);
