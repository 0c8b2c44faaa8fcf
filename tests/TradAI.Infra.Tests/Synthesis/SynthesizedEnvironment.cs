using System.Diagnostics;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using TradAI.Infra.Cdk;
using TradAI.Infra.Context;
using TradAI.Infra.Model;
using TradAI.Infra.Resolution;

namespace TradAI.Infra.Tests.Synthesis;

/// <summary>The four stacks of one environment, synthesized once: CDK assertion templates plus the raw JSON for reading values.</summary>
public sealed class SynthesizedEnvironment
{
    private SynthesizedEnvironment(InfraConfig config, TradaiStacks stacks, IReadOnlyDictionary<string, Template> templates, IReadOnlyDictionary<string, JsonElement> json, TimeSpan elapsed, string outputDirectory)
    {
        OutputDirectory = outputDirectory;
        Config = config;
        Stacks = stacks;
        Templates = templates;
        Json = json;
        SynthesisTime = elapsed;
    }

    public InfraConfig Config { get; }

    public TradaiStacks Stacks { get; }

    public TimeSpan SynthesisTime { get; }

    /// <summary>The cloud assembly folder the templates were written to.</summary>
    public string OutputDirectory { get; }

    /// <summary>The template files of the four stacks, in deployment order.</summary>
    public IReadOnlyList<string> TemplateFiles => [.. Stacks.InDeploymentOrder.Select(s => Path.Combine(OutputDirectory, s.TemplateFile))];

    private IReadOnlyDictionary<string, Template> Templates { get; }

    private IReadOnlyDictionary<string, JsonElement> Json { get; }

    public Template Foundation => Templates["Foundation"];

    public Template Persistent => Templates["Persistent"];

    public Template Edge => Templates["Edge"];

    public Template Compute => Templates["Compute"];

    /// <summary>The synthesized template of a stack (Foundation, Persistent, Edge, Compute) as JSON.</summary>
    public JsonElement TemplateJson(string stack) => Json[stack];

    /// <summary>Resources of one type in a stack, by logical id.</summary>
    public IReadOnlyList<(string Id, JsonElement Properties)> Resources(string stack, string type) =>
        [.. TemplateJson(stack).GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value.TryGetProperty("Properties", out var p) ? p : default))];

    /// <summary>Resolves and synthesizes all four stacks, timing config resolution + construction + synthesis.</summary>
    public static SynthesizedEnvironment Synthesize(InfraContext context, string outdir)
    {
        var watch = Stopwatch.StartNew();
        var config = InfraConfigResolver.Resolve(InfraSources.FromContext(context));
        var app = new App(new AppProps { Outdir = outdir });
        var stacks = TradaiStacks.Create(app, config);
        var assembly = app.Synth();
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var json = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var stack in stacks.InDeploymentOrder)
        {
            templates[stack.Node.Id] = Template.FromStack(stack);
            var path = Path.Combine(outdir, stack.TemplateFile);
            json[stack.Node.Id] = JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
        }

        _ = assembly;
        watch.Stop();
        return new SynthesizedEnvironment(config, stacks, templates, json, watch.Elapsed, outdir);
    }
}
