using System.Text;

namespace TradAI.Infra.Cdk;

/// <summary>Construct ids from config keys: <c>mlflow-artifacts</c> + <c>Bucket</c> → <c>MlflowArtifactsBucket</c>.</summary>
internal static class CdkIds
{
    public static string Of(string key, string suffix)
    {
        var sb = new StringBuilder(key.Length + suffix.Length);
        var upper = true;
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.Append(suffix).ToString();
    }
}
