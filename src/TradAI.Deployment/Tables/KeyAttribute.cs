namespace TradAI.Deployment.Tables;

/// <summary>A key attribute and its DynamoDB scalar type.</summary>
public sealed record KeyAttribute(string Name, KeyAttributeType Type)
{
    /// <summary>The one-letter type DynamoDB and CloudFormation spell (<c>S</c>, <c>N</c>).</summary>
    public string TypeCode => Type == KeyAttributeType.Number ? "N" : "S";
}
