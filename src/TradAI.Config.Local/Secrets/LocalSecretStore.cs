using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using TradAI.Config.Core.Secrets;

namespace TradAI.Config.Local.Secrets;

/// <summary>
/// <see cref="ISecretStore"/> without AWS, so services and the CLI run on a laptop: a secret's JSON object comes from the
/// environment variable <c>{prefix}{NAME}</c>, else the same variable in a <c>.env</c> file, else <c>{directory}/{name}.json</c>.
/// Failures use the SPEC §5.2 messages and codes, like the Secrets Manager store. Nothing rotates locally.
/// </summary>
public sealed class LocalSecretStore(LocalSecretStoreOptions options) : ISecretStore
{
    public const string ServiceName = "local-secrets";

    private readonly Func<string, string?> _env = options.Environment ?? Environment.GetEnvironmentVariable;

    public LocalSecretStoreOptions Options { get; } = options;

    /// <summary>The variable a secret is read from: prefix + the name upper-cased with every other character as <c>_</c>.</summary>
    public string VariableFor(string name)
    {
        var sb = new StringBuilder(Options.VariablePrefix, Options.VariablePrefix.Length + name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return sb.ToString();
    }

    public async Task<SecretData> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        var (json, _) = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        return SecretErrors.ParseObject(ServiceName, name, json);
    }

    public async Task<SecretRotationStatus> GetRotationStatusAsync(string name, CancellationToken cancellationToken = default)
    {
        var (_, changed) = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        return SecretRotationStatus.NotRotated(name, changed);
    }

    public override string ToString() => $"LocalSecretStore(env {Options.VariablePrefix}*, file {Options.EnvFile ?? "-"}, dir {Options.Directory ?? "-"})";

    private async Task<(string Json, DateTimeOffset? Changed)> FindAsync(string name, CancellationToken cancellationToken)
    {
        SecretErrors.ValidateName(name);
        CheckName(name);
        var variable = VariableFor(name);
        if (_env(variable) is { } fromEnv)
        {
            return (fromEnv, null);
        }

        if (Options.EnvFile is { } envFile)
        {
            IReadOnlyDictionary<string, string> fileValues;
            try
            {
                fileValues = await DotEnvFile.ReadAsync(envFile, cancellationToken).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException)
            {
                throw SecretErrors.AccessDenied(ServiceName, name, $"cannot read {envFile}");
            }

            if (fileValues.TryGetValue(variable, out var fromFile))
            {
                return (fromFile, File.GetLastWriteTimeUtc(envFile));
            }
        }

        var searched = $"looked for ${variable}{(Options.EnvFile is null ? string.Empty : " in the environment and " + Options.EnvFile)}";
        if (Options.Directory is { } directory)
        {
            var path = FileFor(directory, name);
            searched += $" and {path}";
            try
            {
                if (File.Exists(path))
                {
                    var json = await Utf8Input.ReadFileAsync(path, SecretErrors.MaxSecretBytes, name, cancellationToken).ConfigureAwait(false);
                    return (json, File.GetLastWriteTimeUtc(path));
                }
            }
            catch (UnauthorizedAccessException)
            {
                throw SecretErrors.AccessDenied(ServiceName, name, $"cannot read {path}");
            }
            catch (IOException ex)
            {
                throw new ExternalServiceException(ServiceName, $"Cannot read secret file for {InputSanitizer.Sanitize(name)}: {InputSanitizer.Sanitize(ex.Message)}", ex);
            }
        }

        throw SecretErrors.NotFound(ServiceName, name, searched);
    }

    // A name that is not a safe relative path is the caller's mistake: a validation error, before any store is asked.
    private static ConfigValidationException InvalidName(string name, string why) =>
        new("secret_name", $"invalid secret name '{InputSanitizer.Sanitize(name)}' for the local store: {why}");

    /// <summary>The same names for every local source: each must also be a safe relative path of the secrets folder.</summary>
    private static void CheckName(string name)
    {
        var segments = name.Split('/');
        if (Path.IsPathRooted(name) || name.Contains('\\', StringComparison.Ordinal)
            || segments.Any(s => s.Length == 0 || s is "." or ".." || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            throw InvalidName(name, "it cannot be used as a relative file path (no '.', '..', empty or absolute segments)");
        }
    }

    /// <summary>Maps a (checked) name to its file under <paramref name="directory"/>.</summary>
    private static string FileFor(string directory, string name)
    {
        var root = Path.GetFullPath(directory);
        var path = Path.GetFullPath(Path.Combine([root, .. name.Split('/')]) + ".json");
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw InvalidName(name, "it escapes the secrets folder");
    }
}
