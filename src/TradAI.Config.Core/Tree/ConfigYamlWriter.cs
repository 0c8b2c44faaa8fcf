using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Writes a config tree as block-style YAML that <see cref="YamlConfigReader"/> reads back to an equal tree:
/// strings that would otherwise be read as another type are quoted.
/// </summary>
public static class ConfigYamlWriter
{
    /// <summary>Renders a value (usually a <see cref="ConfigMapping"/>) as a YAML document.</summary>
    public static string ToYaml(object? value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, new EmitterSettings().WithBestIndent(2).WithMaxSimpleKeyLength(1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(emitter, value);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case ConfigMapping m:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, m.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (k, v) in m.Entries)
                {
                    Write(emitter, k);
                    Write(emitter, v);
                }

                emitter.Emit(new MappingEnd());
                break;
            case ConfigSequence seq:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, seq.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in seq.Items)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case string s:
                var style = YamlScalarResolver.NeedsQuoting(s)
                    ? ScalarStyle.DoubleQuoted
                    : s.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal : ScalarStyle.Plain;
                if (style == ScalarStyle.Literal && (s.EndsWith(' ') || s.Contains("\n ", StringComparison.Ordinal) || s.StartsWith(' ')))
                {
                    style = ScalarStyle.DoubleQuoted;
                }

                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, s, style, true, false));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, FormatPlain(value), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static string FormatPlain(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => ".nan",
        double d when double.IsPositiveInfinity(d) => ".inf",
        double d when double.IsNegativeInfinity(d) => "-.inf",
        double d => ConfigValues.FormatFloat(d),
        MissingValue => MissingValue.Literal,
        _ => throw new ArgumentException($"Not a config value: {value.GetType().Name}", nameof(value)),
    };
}
