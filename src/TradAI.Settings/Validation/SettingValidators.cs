using System.Text.RegularExpressions;
using TradAI.Settings.Fields;

namespace TradAI.Settings.Validation;

/// <summary>
/// Field checks shared by every settings type. Each returns why a value is wrong, or null when it is fine,
/// so they plug into <see cref="SettingField{T}.WithCheck"/>. Regexes are source-generated (AOT-safe).
/// </summary>
public static partial class SettingValidators
{
    /// <summary>The Python logging levels services accept (upper case).</summary>
    public static IReadOnlyList<string> LogLevels { get; } = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

    /// <summary>An absolute http(s) URL with a host.</summary>
    public static string? Url(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? null
            : "must be an absolute http:// or https:// URL";
    }

    /// <summary>A TCP port, 1–65535.</summary>
    public static string? Port(int value) => value is >= 1 and <= 65535 ? null : "must be between 1 and 65535";

    /// <summary>An inclusive range check.</summary>
    public static Func<int, string?> Range(int min, int max) => v => v >= min && v <= max ? null : $"must be between {min} and {max}";

    /// <summary>One of <see cref="LogLevels"/>, case-insensitive.</summary>
    public static string? LogLevel(string value) =>
        LogLevels.Contains(value.Trim().ToUpperInvariant()) ? null : "must be one of " + string.Join(", ", LogLevels);

    /// <summary>
    /// An S3 general-purpose bucket name under AWS's naming rules: 3–63 characters of lower-case letters, digits,
    /// dots and hyphens; starts and ends with a letter or digit; no <c>..</c>; not an IP address; none of the
    /// reserved prefixes (<c>xn--</c>, <c>sthree-</c>, <c>amzn-s3-demo-</c>) or suffixes (<c>-s3alias</c>,
    /// <c>--ol-s3</c>, <c>.mrap</c>, <c>--x-s3</c>, <c>--table-s3</c>).
    /// </summary>
    public static string? S3BucketName(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length is < 3 or > 63)
        {
            return "must be 3 to 63 characters long";
        }

        if (!value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            return "may contain only lower-case letters, digits, dots and hyphens";
        }

        if (!char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1]))
        {
            return "must start and end with a letter or digit";
        }

        if (value.Contains("..", StringComparison.Ordinal))
        {
            return "must not contain two adjacent dots";
        }

        if (IpAddressLike().IsMatch(value))
        {
            return "must not be formatted as an IP address";
        }

        foreach (var prefix in (ReadOnlySpan<string>)["xn--", "sthree-", "amzn-s3-demo-"])
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"must not start with the reserved prefix '{prefix}'";
            }
        }

        foreach (var suffix in (ReadOnlySpan<string>)["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"])
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                return $"must not end with the reserved suffix '{suffix}'";
            }
        }

        return null;
    }

    /// <summary>
    /// An SQS queue URL: <c>https://sqs.{region}.amazonaws.com[.cn]/{12-digit account}/{queue}</c> (or the legacy
    /// <c>{region}.queue.amazonaws.com</c> host); on a custom endpoint (an emulator) any http(s) host with the same path.
    /// Queue names are 1–80 letters, digits, <c>-</c> and <c>_</c>, FIFO queues ending in <c>.fifo</c>.
    /// </summary>
    public static string? SqsQueueUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }

        const string Shape = "must be an SQS queue URL like https://sqs.us-east-1.amazonaws.com/123456789012/queue-name";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return Shape;
        }

        var host = uri.Host;
        var isAws = host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);
        if (isAws && (uri.Scheme != Uri.UriSchemeHttps || !SqsAwsHost().IsMatch(host)))
        {
            return Shape;
        }

        var match = SqsPath().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            return Shape;
        }

        return match.Groups["name"].Length <= 80 ? null : "queue name must be 1 to 80 characters (including .fifo)";
    }

    /// <summary>An ARN: <c>arn:{partition}:{service}:{region}:{account}:{resource}</c> with a known partition.</summary>
    public static string? Arn(string? value) => value is null ? null : ArnShape(value, service: null, resourcePrefix: null);

    /// <summary>A Step Functions state machine ARN (<c>arn:aws:states:{region}:{account}:stateMachine:{name}</c>).</summary>
    public static string? StateMachineArn(string? value) => value is null ? null : ArnShape(value, "states", "stateMachine:");

    /// <summary>An ARN check for one service and resource type.</summary>
    public static Func<string?, string?> ArnOf(string service, string? resourcePrefix = null) =>
        v => v is null ? null : ArnShape(v, service, resourcePrefix);

    /// <summary>An AWS region name such as <c>eu-west-1</c> or <c>us-gov-west-1</c>.</summary>
    public static string? AwsRegion(string? value) =>
        value is null || RegionName().IsMatch(value) ? null : "must be an AWS region name such as us-east-1";

    /// <summary>A DynamoDB table name: 3–255 letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</summary>
    public static string? DynamoDbTableName(string? value) =>
        value is null || TableName().IsMatch(value) ? null : "must be 3 to 255 letters, digits, '_', '-' or '.'";

    /// <summary>An ECS cluster name (1–255 letters, digits, <c>-</c>, <c>_</c>) or cluster ARN.</summary>
    public static string? EcsCluster(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return ArnShape(value, "ecs", "cluster/");
        }

        return ClusterName().IsMatch(value) ? null : "must be an ECS cluster name (1 to 255 letters, digits, '-' or '_') or a cluster ARN";
    }

    /// <summary>CORS origins: each <c>*</c> or an http(s) origin without a path (<c>https://app.example.com:8443</c>).</summary>
    public static string? CorsOrigins(StringList origins)
    {
        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            if (origin == "*")
            {
                continue;
            }

            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/" || origin.EndsWith('/') || uri.Query.Length > 0)
            {
                return $"item {i + 1} must be '*' or an origin such as https://app.example.com (scheme, host, optional port; no path)";
            }
        }

        return null;
    }

    private static string? ArnShape(string value, string? service, string? resourcePrefix)
    {
        var match = ArnPattern().Match(value);
        if (!match.Success)
        {
            return "must be an ARN: arn:{partition}:{service}:{region}:{account-id}:{resource}";
        }

        if (service is null)
        {
            return null;
        }

        if (match.Groups["service"].Value != service)
        {
            return $"must be an ARN of service '{service}'";
        }

        if (match.Groups["region"].Length == 0 || match.Groups["account"].Length == 0)
        {
            return $"must be a regional '{service}' ARN with region and account id";
        }

        return resourcePrefix is null || match.Groups["resource"].Value.StartsWith(resourcePrefix, StringComparison.Ordinal)
            && match.Groups["resource"].Length > resourcePrefix.Length
            ? null
            : $"must be an ARN whose resource starts with '{resourcePrefix}' followed by a name";
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex IpAddressLike();

    [GeneratedRegex(@"^(sqs\.[a-z0-9-]+|[a-z0-9-]+\.queue)\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SqsAwsHost();

    [GeneratedRegex(@"^/(?<account>\d{12})/(?<name>[A-Za-z0-9_-]+(\.fifo)?)$")]
    private static partial Regex SqsPath();

    [GeneratedRegex(@"^arn:(?<partition>aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):(?<service>[a-z0-9-]+):(?<region>[a-z0-9-]*):(?<account>\d{12})?:(?<resource>\S+)$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableName();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex ClusterName();
}
