using System.Text.Json;
using TradAI.Config.Core.Errors;

namespace TradAI.Infra.Synthesis;

/// <summary>Reads what a CDK app wrote: the stacks its <c>manifest.json</c> lists, with their templates.</summary>
public static class CloudAssembly
{
    /// <summary>The CloudFormation stacks of the assembly in <paramref name="outputDirectory"/>, in manifest order.</summary>
    /// <exception cref="ExternalServiceException">There is no manifest, or it or a template is not what the CDK writes.</exception>
    public static IReadOnlyList<SynthesizedStack> Read(string outputDirectory)
    {
        var manifest = Path.Combine(outputDirectory, "manifest.json");
        if (!File.Exists(manifest))
        {
            throw new ExternalServiceException("cdk-app", $"the CDK app finished but wrote no manifest.json to {InputSanitizer.Sanitize(outputDirectory)}");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
            var stacks = new List<SynthesizedStack>();
            if (!doc.RootElement.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Object)
            {
                return stacks;
            }

            foreach (var artifact in artifacts.EnumerateObject())
            {
                if (!artifact.Value.TryGetProperty("type", out var type) || type.GetString() != "aws:cloudformation:stack")
                {
                    continue;
                }

                var props = artifact.Value.GetProperty("properties");
                var template = props.GetProperty("templateFile").GetString()!;
                var name = props.TryGetProperty("stackName", out var n) && n.GetString() is { Length: > 0 } stackName ? stackName : artifact.Name;
                using var body = JsonDocument.Parse(File.ReadAllText(Path.Combine(outputDirectory, template)));
                var resources = body.RootElement.TryGetProperty("Resources", out var r) && r.ValueKind == JsonValueKind.Object ? r.EnumerateObject().Count() : 0;
                stacks.Add(new SynthesizedStack(name, template, resources));
            }

            return stacks;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new ExternalServiceException("cdk-app", $"the cloud assembly in {InputSanitizer.Sanitize(outputDirectory)} is unreadable: {InputSanitizer.Sanitize(ex.Message)}", ex);
        }
    }
}
