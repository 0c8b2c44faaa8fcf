using System.Text.RegularExpressions;
using TradAI.Config.Core.Errors;
using TradAI.Deployment.Environments;
using TradAI.Deployment.Naming;
using TradAI.Infra.Context;
using TradAI.Infra.Environments;
using TradAI.Infra.Model;

namespace TradAI.Infra.Resolution;

/// <summary>
/// Resolves the infrastructure config of one environment: the per-environment defaults (SPEC §3 and the §8 table)
/// with the context overrides of §3.3 applied. Every bad or conflicting override is reported, naming its key,
/// before anything is synthesized.
/// </summary>
public static partial class InfraConfigResolver
{
    /// <summary>Project prefix when neither context nor PROJECT_NAME gives one.</summary>
    public const string DefaultProjectName = ResourceNames.DefaultProject;

    /// <summary>Region when neither context nor AWS_REGION gives one.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>Resolves from context alone (no environment variables).</summary>
    public static InfraConfig Resolve(DeploymentEnvironment environment, InfraContext? context = null) =>
        Resolve(InfraSources.FromContext((context ?? InfraContext.Empty).With(InfraContextKeys.Environment, environment.ToName())));

    /// <summary>Resolves the config the sources describe.</summary>
    /// <exception cref="ConfigValidationException">No or an unknown environment, a malformed override, or overrides that contradict each other.</exception>
    public static InfraConfig Resolve(InfraSources sources)
    {
        var parser = new ContextValueParser(sources.Context);

        var env = ResolveEnvironment(sources);
        var project = ResolveText(sources, parser, InfraContextKeys.ProjectName, "PROJECT_NAME", ProjectPattern(),
            "a lower-case name of 2-20 letters, digits and hyphens starting with a letter", DefaultProjectName).Value;
        var (region, regionSource) = ResolveText(sources, parser, InfraContextKeys.Region, "AWS_REGION", RegionPattern(),
            "an AWS region such as us-east-1", DefaultRegion);

        var prod = env == DeploymentEnvironment.Prod;
        var consolidated = parser.Bool(InfraContextKeys.ConsolidatedMode) ?? !prod;
        var skipAlb = parser.Bool(InfraContextKeys.SkipAlb) ?? false;
        var customAmi = parser.Text(InfraContextKeys.CustomAmiId, AmiPattern(), "an AMI id such as ami-0123456789abcdef0");
        var strategyRepos = parser.List(InfraContextKeys.StrategyEcrRepos) ?? [];
        var cors = parser.List(InfraContextKeys.CorsAllowedOrigins);
        var schedules = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in ScheduleKeys)
        {
            schedules[key] = parser.Schedule(key);
        }

        if (customAmi is not null && !consolidated)
        {
            parser.Fail(InfraContextKeys.CustomAmiId,
                $"a custom AMI is only used by the consolidated EC2 host, but consolidated_mode is false for {env.ToName()}; " +
                "set consolidated_mode=true or drop custom_ami_id");
        }

        CheckStrategyRepos(parser, strategyRepos);
        if (cors is not null)
        {
            CheckOrigins(parser, cors);
        }

        if (parser.Problems.Count > 0)
        {
            throw new ConfigValidationException(parser.Problems, $"Invalid infrastructure overrides for {env.ToName()} ({parser.Problems.Count} problem{(parser.Problems.Count == 1 ? "" : "s")})");
        }

        var environment = new EnvironmentConfig(env, project, region, regionSource, LocalExecutorAllowed: env == DeploymentEnvironment.Dev);
        var defaults = new InfraDefaults(environment);
        var services = defaults.Services(consolidated);
        var compute = defaults.Compute(consolidated, customAmi);
        var lambdas = defaults.Schedules(schedules);
        return new InfraConfig(
            environment,
            defaults.Network(),
            services,
            defaults.Storage(),
            compute,
            defaults.Ecr(services, compute, lambdas, strategyRepos),
            defaults.Api(albEnabled: !skipAlb, cors),
            defaults.Auth(),
            lambdas);
    }

    private static readonly string[] ScheduleKeys =
    [
        InfraContextKeys.DriftMonitorSchedule,
        InfraContextKeys.HealthCheckSchedule,
        InfraContextKeys.DataRefreshSchedule,
        InfraContextKeys.CleanupSchedule,
    ];

    private static DeploymentEnvironment ResolveEnvironment(InfraSources sources)
    {
        var raw = sources.Context.Get(InfraContextKeys.Environment);
        if (raw is not null)
        {
            return DeploymentEnvironmentParser.Parse(raw as string ?? raw.ToString(), "context.environment");
        }

        var variable = sources.Variable("ENVIRONMENT");
        return variable is not null
            ? DeploymentEnvironmentParser.Parse(variable, "ENVIRONMENT")
            : throw new ConfigValidationException("context.environment",
                "no environment given; pass --env (CLI), -c environment=dev|staging|prod (CDK) or set ENVIRONMENT");
    }

    private static (string Value, string Source) ResolveText(
        InfraSources sources, ContextValueParser parser, string key, string variable, Regex pattern, string expected, string fallback)
    {
        if (sources.Context.Get(key) is not null)
        {
            return (parser.Text(key, pattern, expected) ?? fallback, "context");
        }

        var fromEnv = sources.Variable(variable);
        if (fromEnv is null)
        {
            return (fallback, "default");
        }

        if (!pattern.IsMatch(fromEnv))
        {
            parser.Fail(key, $"environment variable {variable}='{InputSanitizer.Sanitize(fromEnv)}' is not valid; expected {expected}");
            return (fallback, "default");
        }

        return (fromEnv, "env:" + variable);
    }

    private static void CheckStrategyRepos(ContextValueParser parser, IReadOnlyList<string> repos)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var repo in repos)
        {
            if (!EcrNamePattern().IsMatch(repo) || repo.Length > 128)
            {
                parser.Fail(InfraContextKeys.StrategyEcrRepos,
                    $"'{InputSanitizer.Sanitize(repo)}' is not a repository name; use lower-case letters and digits separated by '.', '_' or '-'");
            }
            else if (!seen.Add(repo))
            {
                parser.Fail(InfraContextKeys.StrategyEcrRepos, $"'{repo}' is listed twice");
            }
        }
    }

    private static void CheckOrigins(ContextValueParser parser, IReadOnlyList<string> origins)
    {
        if (origins.Contains("*") && origins.Count > 1)
        {
            parser.Fail(InfraContextKeys.CorsAllowedOrigins, "'*' allows every origin and cannot be combined with specific origins");
            return;
        }

        foreach (var origin in origins.Where(o => o != "*"))
        {
            var ok = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                && !origin.EndsWith('/') && uri.AbsolutePath == "/";
            if (!ok)
            {
                parser.Fail(InfraContextKeys.CorsAllowedOrigins,
                    $"'{InputSanitizer.Sanitize(origin)}' is not an origin; use * or scheme://host[:port] without a path");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,19}$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex AmiPattern();

    [GeneratedRegex("^[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    private static partial Regex EcrNamePattern();
}
