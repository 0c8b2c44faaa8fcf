using System.Text.Json;
using TradAI.Config.Core.Errors;
using TradAI.Infra.Context;

namespace TradAI.Infra.Synthesis;

/// <summary>
/// The nearest <c>cdk.json</c>: the command that runs the CDK app and the context keys of ours it sets. Found the way
/// the CDK CLI would be run: <c>cdk.json</c> in a folder, or <c>infra/cdk.json</c> below it, from here upwards.
/// </summary>
/// <param name="Directory">The folder holding the file; the app runs from there.</param>
/// <param name="App">The <c>app</c> command, when the file has one.</param>
/// <param name="Context">Our keys (<see cref="InfraContextKeys"/>) from its <c>context</c>, typed as JSON gave them.</param>
public sealed record CdkJson(string Directory, string? App, IReadOnlyList<KeyValuePair<string, object?>> Context)
{
    /// <summary>The file name.</summary>
    public const string FileName = "cdk.json";

    /// <summary>The nearest file from <paramref name="startDirectory"/> upwards, or null.</summary>
    /// <exception cref="ConfigValidationException">The file found is not valid JSON.</exception>
    public static CdkJson? Find(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in (ReadOnlySpan<string>)[Path.Combine(dir.FullName, FileName), Path.Combine(dir.FullName, "infra", FileName)])
            {
                if (File.Exists(candidate))
                {
                    return Read(candidate);
                }
            }
        }

        return null;
    }

    /// <summary>Reads one file. Keys that are not ours (feature flags, <c>watch</c>) are left out.</summary>
    /// <exception cref="ConfigValidationException">The file is not valid JSON.</exception>
    public static CdkJson Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigValidationException(path, "expected a JSON object");
            }

            var app = root.TryGetProperty("app", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var context = new List<KeyValuePair<string, object?>>();
            if (root.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in ctx.EnumerateObject().Where(p => InfraContextKeys.IsKnown(p.Name)))
                {
                    context.Add(new(p.Name, p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        JsonValueKind.Array => p.Value.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToList(),
                        JsonValueKind.Null => null,
                        _ => p.Value.GetRawText(),
                    }));
                }
            }

            return new CdkJson(Path.GetDirectoryName(Path.GetFullPath(path))!, app, context);
        }
        catch (JsonException ex)
        {
            throw new ConfigValidationException(path, $"not valid JSON ({InputSanitizer.Sanitize(ex.Message)})");
        }
    }
}
