using TradAI.Config.Core.Collections;

namespace TradAI.Infra.Model;

/// <summary>VPC layout: CIDR, how many availability zones, the three subnet tiers, NAT and the private DNS namespace services find each other in.</summary>
/// <param name="VpcName">VPC name.</param>
/// <param name="VpcCidr">The VPC's address range; the subnet tiers are carved out of it per zone.</param>
/// <param name="AvailabilityZoneCount">
/// Zones the VPC spans. The stack takes the first N zones of the account (<c>Fn::GetAZs</c>) at deployment rather than
/// naming them: zone names such as <c>us-west-1a</c> are not available to every account.
/// </param>
/// <param name="Subnets">The subnet tiers, repeated in every zone.</param>
/// <param name="NatInstanceType">NAT instance size.</param>
/// <param name="NatInstances">NAT instances (one per zone in prod, one shared elsewhere).</param>
/// <param name="ServiceDiscoveryNamespace">Private DNS namespace the services register in.</param>
public sealed record NetworkConfig(
    string VpcName,
    string VpcCidr,
    int AvailabilityZoneCount,
    ValueList<SubnetConfig> Subnets,
    string NatInstanceType,
    int NatInstances,
    string ServiceDiscoveryNamespace);
