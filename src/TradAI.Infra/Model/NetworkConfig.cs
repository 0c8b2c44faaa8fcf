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

/// <summary>One subnet tier, repeated in every availability zone.</summary>
/// <param name="Name">Tier name (<c>public</c>, <c>private</c>, <c>database</c>).</param>
/// <param name="Tier">What the subnets can reach.</param>
/// <param name="CidrMask">Prefix length of each subnet.</param>
public sealed record SubnetConfig(string Name, SubnetTier Tier, int CidrMask);
