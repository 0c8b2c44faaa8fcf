using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;

namespace TradAI.Config.Aws.Storage;

/// <summary>Where the S3 config store keeps its documents: <c>s3://{Bucket}/{Prefix}{name}.yaml</c> (SPEC §4.1).</summary>
public sealed record S3ConfigRepositoryOptions
{
    /// <summary>S3 lists at most this many keys per request; real S3 also caps pages at 1,000.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The bucket, conventionally <c>tradai-configs-{env}</c> (see <see cref="DefaultBucketFor"/>).</summary>
    public required string Bucket { get; init; }

    /// <summary>Key prefix, such as <c>strategies/</c>; empty keeps configs at the bucket root.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Keys requested per ListObjectsV2 page (1–1000); smaller values exist for tests and slow links.</summary>
    public int PageSize { get; init; } = MaxPageSize;

    /// <summary>The config bucket the stacks create for an environment (<c>tradai-configs-dev</c>).</summary>
    /// <exception cref="ConfigValidationException"><paramref name="environment"/> is not dev, staging or prod.</exception>
    public static string DefaultBucketFor(string environment) =>
        DeploymentEnvironments.TryParse(environment, out var env)
            ? ResourceNames.ConfigBucket(env)
            : throw new ConfigValidationException("TRADAI_ENV", $"'{InputSanitizer.Sanitize(environment)}' is not an environment; expected one of {DeploymentEnvironments.Expected}");

    /// <summary>
    /// Options from <c>TRADAI_S3_BUCKET</c> (else <c>tradai-configs-{TRADAI_ENV or dev}</c>) and <c>TRADAI_S3_PREFIX</c>;
    /// explicit arguments win over the environment.
    /// </summary>
    /// <param name="bucket">The bucket, overriding the environment.</param>
    /// <param name="prefix">The key prefix, overriding the environment.</param>
    /// <param name="environment">Looks variables up; the process environment when null.</param>
    public static S3ConfigRepositoryOptions FromEnvironment(string? bucket = null, string? prefix = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v : null;
        return new S3ConfigRepositoryOptions
        {
            Bucket = bucket ?? Env("TRADAI_S3_BUCKET") ?? DefaultBucketFor(Env("TRADAI_ENV") ?? "dev"),
            Prefix = prefix ?? Env("TRADAI_S3_PREFIX") ?? string.Empty,
        }.Validated();
    }

    /// <summary>Throws a <see cref="ConfigValidationException"/> naming each bad field, else returns this.</summary>
    public S3ConfigRepositoryOptions Validated()
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(Bucket) || Bucket.Length is < 3 or > 63
            || !Bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
        {
            problems.Add(new ValidationProblem("bucket", $"'{InputSanitizer.Sanitize(Bucket)}' is not a valid S3 bucket name (3-63 lowercase letters, digits, '-' or '.')"));
        }

        if (Prefix.StartsWith('/') || Prefix.Contains("..", StringComparison.Ordinal) || Prefix.Any(char.IsControl))
        {
            problems.Add(new ValidationProblem("prefix", $"'{InputSanitizer.Sanitize(Prefix)}' is not a valid key prefix (no leading '/', '..' or control characters)"));
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            problems.Add(new ValidationProblem("page_size", $"{PageSize} is outside 1-{MaxPageSize}"));
        }

        return problems.Count == 0 ? this : throw new ConfigValidationException(problems, "Invalid S3 config store options");
    }
}
