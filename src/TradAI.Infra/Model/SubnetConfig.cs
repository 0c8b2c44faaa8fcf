namespace TradAI.Infra.Model;

/// <summary>One subnet tier, repeated in every availability zone.</summary>
/// <param name="Name">Tier name (<c>public</c>, <c>private</c>, <c>database</c>).</param>
/// <param name="Tier">What the subnets can reach.</param>
/// <param name="CidrMask">Prefix length of each subnet.</param>
public sealed record SubnetConfig(string Name, SubnetTier Tier, int CidrMask);
