namespace TradAI.Infra.Model;

/// <summary>A key attribute and its DynamoDB scalar type.</summary>
public sealed record KeyAttribute(string Name, KeyAttributeType Type);
