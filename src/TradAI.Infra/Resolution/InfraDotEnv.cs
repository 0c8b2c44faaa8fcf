using TradAI.Config.Core.DotEnv;
using TradAI.Config.Core.Errors;

namespace TradAI.Infra.Resolution;

/// <summary>
/// <c>infra/.env</c> (AWS_PROFILE, AWS_REGION...), which the justfile recipes sourced before every deploy command;
/// here the resolver and <c>tradai infra synth</c> load it instead.
/// </summary>
public static class InfraDotEnv
{
    /// <summary>
    /// The nearest <c>infra/.env</c> from <paramref name="startDirectory"/> upwards (or <c>.env</c> when already
    /// inside a folder named <c>infra</c>); null when there is none.
    /// </summary>
    public static string? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.Name == "infra" && File.Exists(Path.Combine(dir.FullName, ".env")))
            {
                return Path.Combine(dir.FullName, ".env");
            }

            var candidate = Path.Combine(dir.FullName, "infra", ".env");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The variables the file defines (the project's one .env parser), without touching the process environment.</summary>
    /// <exception cref="ConfigValidationException">The file is not valid dotenv syntax.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path) =>
        [.. DotEnvParser.ReadFile(path)];
}
