namespace TradAI.Infra.EnvFiles;

/// <summary>
/// Names of the stack outputs for values AWS assigns at deployment. The CDK app emits them under these names and
/// <c>tradai infra env</c> points at them, so both sides agree without copying.
/// </summary>
public static class StackOutputs
{
    /// <summary>Foundation stack: the Cognito user pool id.</summary>
    public const string UserPoolId = "UserPoolId";

    /// <summary>Foundation stack: the Cognito app client id.</summary>
    public const string UserPoolClientId = "UserPoolClientId";

    /// <summary>Edge stack: the HTTP API endpoint.</summary>
    public const string ApiEndpoint = "ApiEndpoint";

    /// <summary>Edge stack: the ALB DNS name (absent with skip_alb).</summary>
    public const string AlbDnsName = "AlbDnsName";
}
