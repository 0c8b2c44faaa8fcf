namespace TradAI.Config.Local.Secrets;

/// <summary>Where <see cref="LocalSecretStore"/> looks for secrets, in order: environment, <c>.env</c> file, JSON folder.</summary>
public sealed record LocalSecretStoreOptions
{
    /// <summary>Prefix of the variables holding a secret's JSON: <c>TRADAI_SECRET_TRADAI_DEV_DB</c> for <c>tradai/dev/db</c>.</summary>
    public string VariablePrefix { get; init; } = "TRADAI_SECRET_";

    /// <summary>A <c>.env</c> file with the same variables; null skips it.</summary>
    public string? EnvFile { get; init; }

    /// <summary>A folder of <c>{name}.json</c> files (<c>tradai/dev/db</c> → <c>tradai/dev/db.json</c>); null skips it.</summary>
    public string? Directory { get; init; }

    /// <summary>Reads environment variables; the process environment when null (tests pass a dictionary).</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>
    /// Options from <c>TRADAI_SECRETS_DIR</c> (default <c>./secrets</c>) and <c>TRADAI_SECRETS_ENV_FILE</c> (default <c>./.env</c>);
    /// explicit arguments win.
    /// </summary>
    public static LocalSecretStoreOptions FromEnvironment(string? directory = null, string? envFile = null)
    {
        static string? Env(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        return new LocalSecretStoreOptions
        {
            Directory = directory ?? Env("TRADAI_SECRETS_DIR") ?? "secrets",
            EnvFile = envFile ?? Env("TRADAI_SECRETS_ENV_FILE") ?? ".env",
        };
    }
}
