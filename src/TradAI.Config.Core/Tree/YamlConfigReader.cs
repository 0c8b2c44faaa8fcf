using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Inputs;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Reads YAML into an immutable config tree the way OmegaConf reads TradAI files:
/// YAML 1.1 scalar typing, duplicate keys refused, anchors, aliases and <c>&lt;&lt;</c> merge keys supported
/// with bounded expansion. Works on parser events (no reflection), so it is AOT-safe and fast.
/// </summary>
public static class YamlConfigReader
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>Parses a document whose root must be a mapping (an empty document is an empty mapping unless <see cref="YamlReadOptions.AllowEmptyDocument"/> is off).</summary>
    /// <param name="yaml">The document text.</param>
    /// <param name="sourceName">Where it came from, for messages (a file or config name).</param>
    /// <param name="options">Size and expansion limits; <see cref="YamlReadOptions.Default"/> when null.</param>
    /// <exception cref="ConfigValidationException">The document is malformed, too large, or not a mapping.</exception>
    public static ConfigMapping ParseMapping(string yaml, string? sourceName = null, YamlReadOptions? options = null)
    {
        var value = Parse(yaml, sourceName, options);
        return value switch
        {
            null when options?.AllowEmptyDocument == false =>
                throw new ConfigValidationException($"{Describe(sourceName)}empty document: nothing to store (write {{}} for an empty config)"),
            null => ConfigMapping.Empty,
            ConfigMapping m => m,
            _ => throw new ConfigValidationException(
                $"{Describe(sourceName)}the document root must be a mapping, not a {ConfigValues.TypeName(value)}"),
        };
    }

    /// <summary>Parses a document with any root (a scalar, list or mapping); an empty document is null.</summary>
    public static object? Parse(string yaml, string? sourceName = null, YamlReadOptions? options = null)
    {
        options ??= YamlReadOptions.Default;
        if (yaml.Length > options.MaxDocumentBytes / 4 && Encoding.UTF8.GetByteCount(yaml) > options.MaxDocumentBytes)
        {
            throw new ConfigValidationException(
                $"{Describe(sourceName)}document is larger than the {options.MaxDocumentBytes:N0}-byte limit");
        }

        if (FastYamlReader.TryParse(yaml, options, out var fast))
        {
            return fast;
        }

        return ParseWithYamlDotNet(yaml, sourceName, options);
    }

    /// <summary>The reference reader (YamlDotNet events); the fast path must agree with it wherever it answers.</summary>
    internal static object? ParseWithYamlDotNet(string yaml, string? sourceName, YamlReadOptions options)
    {
        // PyYAML's reader refuses these before it scans anything; YamlDotNet would read some of them as text.
        if (YamlCharacters.IndexOfNonPrintable(yaml) is var bad and >= 0)
        {
            var (line, column) = YamlCharacters.Position(yaml, bad);
            throw new ConfigValidationException(
                $"{Describe(sourceName)}the character {YamlCharacters.Name(yaml[bad])} cannot appear in YAML (line {line}, column {column}); " +
                "OmegaConf refuses it: write it as an escape in a double-quoted string");
        }

        // Tabs are rare: only a document that has one pays for recording where its quoted and block scalars lie.
        var scalars = yaml.Contains('\t', StringComparison.Ordinal) ? new List<(int Start, int End, bool Block)>() : null;
        var reader = new Reader(new Parser(new StringReader(yaml)), sourceName, options, scalars);
        try
        {
            var root = reader.ReadStream();
            if (scalars is not null && YamlCharacters.IndexOfRefusedTab(yaml, scalars) is var tab and >= 0)
            {
                var (line, column) = YamlCharacters.Position(yaml, tab);
                throw new ConfigValidationException(
                    $"{Describe(sourceName)}a tab separates YAML tokens (line {line}, column {column}), which OmegaConf refuses: " +
                    "tabs may appear only inside quoted or block scalars and comments; indent and separate with spaces");
            }

            return root;
        }
        catch (YamlException ex)
        {
            throw new ConfigValidationException(
                $"{Describe(sourceName)}invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {InputSanitizer.Sanitize(StripMark(ex.Message))}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed inputs instead of a YamlException.
            throw new ConfigValidationException($"{Describe(sourceName)}invalid YAML: the parser rejected the document ({ex.GetType().Name})");
        }
    }

    /// <summary>Reads a file (or device, FIFO) of at most the size limit, as strict UTF-8, and parses it.</summary>
    /// <exception cref="NotFoundException">The file does not exist.</exception>
    /// <exception cref="ConfigValidationException">Too large, not UTF-8, or malformed YAML.</exception>
    /// <exception cref="ExternalServiceException">The file system failed.</exception>
    public static async Task<ConfigMapping> ReadFileAsync(string path, YamlReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= YamlReadOptions.Default;
        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = await Utf8Input.ReadFileAsync(path, options.MaxDocumentBytes, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NotFoundException($"File '{InputSanitizer.Sanitize(path)}' does not exist");
        }
        catch (IOException ex)
        {
            throw new ExternalServiceException("filesystem", $"Could not read '{InputSanitizer.Sanitize(path)}': {ex.GetType().Name}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ExternalServiceException("filesystem", $"Access denied reading '{InputSanitizer.Sanitize(path)}'", ex);
        }

        return ParseMapping(text, name, options);
    }

    /// <summary>
    /// PyYAML's <c>&lt;&lt;</c> flattening: the merged pairs (in <paramref name="merges"/> order, a list's mappings already
    /// reversed) then the explicit ones, assigned as a dict: a key keeps its first place and takes its last value.
    /// </summary>
    internal static ConfigMapping ApplyMerges(ConfigMapping explicitEntries, List<ConfigMapping> merges)
    {
        var builder = new ConfigMappingBuilder(explicitEntries.Count + 8);
        foreach (var source in merges)
        {
            foreach (var (k, v) in source.Entries)
            {
                builder.Set(k, v);
            }
        }

        foreach (var (k, v) in explicitEntries.Entries)
        {
            builder.Set(k, v);
        }

        return builder.Build();
    }

    private static string Describe(string? sourceName) =>
        string.IsNullOrEmpty(sourceName) ? string.Empty : InputSanitizer.Sanitize(sourceName) + ": ";

    private static string StripMark(string message)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 1) - (Line: ...): ".
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && i > 0 ? message[(i + 3)..] : message;
    }

    // scalarExtents, when given, collects where each quoted and block scalar lies (for the tab rule).
    private sealed class Reader(IParser parser, string? sourceName, YamlReadOptions options, List<(int Start, int End, bool Block)>? scalarExtents)
    {
        private readonly Dictionary<string, (object? Value, long Size)> _anchors = new(StringComparer.Ordinal);
        private long _expanded;
        private int _depth;
        private int _flowDepth;
        private bool _nullKeyFound;
        private Dictionary<object, (Mark At, string Problem)>? _badInterpolations;

        public object? ReadStream()
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var (root, _) = ReadNode();
            if (_nullKeyFound && Find(root, static n => n is NullKeyMapping) is NullKeyMapping nullKey)
            {
                throw Error(nullKey.At, "a mapping key may not be null");
            }

            if (_badInterpolations is { } bad && Find(root, n => n is string && bad.ContainsKey(n)) is { } badText)
            {
                throw Error(bad[badText].At, bad[badText].Problem);
            }

            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                var next = parser.Current!;
                throw Error(next.Start, "expected a single document, found more than one");
            }

            return root;
        }

        // Where a plain scalar sits matters for '?' in flow style, which PyYAML reads as a key indicator.
        private enum Role
        {
            Value,
            FlowItem,
            Key,
            FlowKey,
        }

        private (object? Value, long Size) ReadNode(Role role = Role.Value)
        {
            var ev = parser.Current ?? throw new ConfigValidationException($"{Describe(sourceName)}unexpected end of document");
            switch (ev)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    if (scalarExtents is not null && scalar.Style != ScalarStyle.Plain)
                    {
                        scalarExtents.Add(((int)scalar.Start.Index, (int)scalar.End.Index, scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded));
                    }

                    return Count(Remember(scalar.Anchor, (ResolveScalar(scalar, role), 1)), scalar.Start);
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw Error(alias.Start, $"alias '*{InputSanitizer.Sanitize(alias.Value.Value)}' refers to an undefined or enclosing anchor");
                    }

                    return Count(target, alias.Start);
                case SequenceStart seq:
                    return Remember(seq.Anchor, ReadSequence(seq));
                case MappingStart map:
                    return Remember(map.Anchor, ReadMapping(map));
                default:
                    throw Error(ev.Start, $"unexpected {ev.GetType().Name}");
            }
        }

        private (object? Value, long Size) Count((object? Value, long Size) node, Mark at)
        {
            _expanded += node.Size;
            if (_expanded > options.MaxExpandedNodes)
            {
                throw Error(at, $"document expands to more than {options.MaxExpandedNodes:N0} nodes through aliases (possible \"billion laughs\" document)");
            }

            return node;
        }

        private (object? Value, long Size) Remember(AnchorName anchor, (object? Value, long Size) node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private void Enter(Mark at)
        {
            if (++_depth > options.MaxDepth)
            {
                throw Error(at, $"nesting is deeper than {options.MaxDepth} levels");
            }
        }

        private (object? Value, long Size) ReadSequence(SequenceStart start)
        {
            RejectTag(start.Tag, "seq", start.Start);
            Enter(start.Start);
            var flow = start.Style == SequenceStyle.Flow ? 1 : 0;
            _flowDepth += flow;
            parser.MoveNext();
            var items = new List<object?>();
            long size = 1;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var (v, s) = ReadNode(flow == 1 ? Role.FlowItem : Role.Value);
                items.Add(v);
                size += s;
            }

            _flowDepth -= flow;
            _depth--;
            _expanded++;
            return (items.Count == 0 ? ConfigSequence.Empty : new ConfigSequence([.. items]), size);
        }

        private (object? Value, long Size) ReadMapping(MappingStart start)
        {
            RejectTag(start.Tag, "map", start.Start);
            Enter(start.Start);
            var flow = start.Style == MappingStyle.Flow ? 1 : 0;
            _flowDepth += flow;
            parser.MoveNext();
            var builder = new ConfigMappingBuilder();
            List<ConfigMapping>? merges = null;
            Mark? nullKeyAt = null;
            long size = 1;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                if (keyEvent is Scalar { Style: ScalarStyle.Plain, Value: "<<" } && keyEvent is Scalar { Tag.IsEmpty: true })
                {
                    parser.MoveNext();
                    var mergeStart = parser.Current!.Start;
                    var (mv, ms) = ReadNode();
                    size += ms;
                    merges ??= [];
                    AddMergeSources(merges, mv, mergeStart);
                    continue;
                }

                var key = ReadKey();
                var (value, s) = ReadNode();
                size += s;
                if (key is null)
                {
                    nullKeyAt ??= keyEvent.Start;
                }
                else if (key is not string || keyEvent is Scalar { Style: ScalarStyle.Plain, Value: "=", Tag.IsEmpty: true })
                {
                    // OmegaConf's loader refuses repeated string keys only (a plain '=' is not one yet when it checks);
                    // a repeated number or bool key is a dict assignment.
                    builder.Set(key, value);
                }
                else if (!builder.TryAdd(key, value))
                {
                    throw Error(keyEvent.Start, $"duplicate key '{InputSanitizer.Sanitize(ConfigPath.FormatKey(key))}'");
                }
            }

            _flowDepth -= flow;
            _depth--;
            _expanded++;
            var mapping = builder.Build();
            if (nullKeyAt is { } at)
            {
                // OmegaConf refuses a null key only if the mapping survives: a later equal key can still replace it.
                _nullKeyFound = true;
                return (new NullKeyMapping(at), size);
            }

            return (merges is null ? mapping : ApplyMerges(mapping, merges), size);
        }

        // The first node of the finished tree (in document order) that matches.
        private static object? Find(object? node, Func<object?, bool> match)
        {
            if (match(node))
            {
                return node;
            }

            switch (node)
            {
                case ConfigMapping m:
                    foreach (var (_, v) in m.Entries)
                    {
                        if (Find(v, match) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case ConfigSequence q:
                    foreach (var item in q.Items)
                    {
                        if (Find(item, match) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Stands for a mapping with a null key until the document is complete.</summary>
        private sealed class NullKeyMapping(Mark at)
        {
            public Mark At { get; } = at;
        }

        private void AddMergeSources(List<ConfigMapping> merges, object? value, Mark at)
        {
            switch (value)
            {
                case ConfigMapping m:
                    merges.Add(m);
                    break;
                case ConfigSequence seq when seq.All(i => i is ConfigMapping):
                    // PyYAML merges a list of mappings last-first, so the earlier ones win.
                    merges.AddRange(seq.Cast<ConfigMapping>().Reverse());
                    break;
                default:
                    throw Error(at, "a merge key '<<' needs a mapping or a list of mappings");
            }
        }

        private object? ReadKey()
        {
            var ev = parser.Current!;
            if (ev is not Scalar and not AnchorAlias)
            {
                throw Error(ev.Start, "complex (mapping or list) keys are not supported");
            }

            if (ev is Scalar { Style: ScalarStyle.Plain, Value: "=", Tag.IsEmpty: true })
            {
                // PyYAML retags a '=' key as a string (as a value it cannot be loaded).
                parser.MoveNext();
                return "=";
            }

            var (key, _) = ReadNode(_flowDepth > 0 ? Role.FlowKey : Role.Key);
            return key switch
            {
                null => null,
                MissingValue => MissingValue.Literal,
                ConfigMapping or ConfigSequence => throw Error(ev.Start, "complex (mapping or list) keys are not supported"),
                _ => key,
            };
        }

        private object? ResolveScalar(Scalar scalar, Role role)
        {
            if (scalar.Style == ScalarStyle.Plain && _flowDepth > 0 && scalar.Value.Contains('?', StringComparison.Ordinal))
            {
                return FlowQuestionMark(scalar, scalar.Tag.IsEmpty ? role : Role.Value);
            }

            object? value;
            if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
            {
                value = ResolveTagged(scalar);
            }
            else if (scalar.Style == ScalarStyle.Plain || scalar.Tag.IsNonSpecific)
            {
                // PyYAML resolves a scalar tagged '!' as if it were plain, quoted or not: "! '017'" is 15. A multi-line
                // one it matches with Python's '$' (which allows a final line break) and Python's int(): not followed here.
                if (scalar.Tag.IsNonSpecific && scalar.Value.Contains('\n', StringComparison.Ordinal))
                {
                    throw Error(scalar.Start, "the non-specific tag '!' on a multi-line value is not supported; remove the tag");
                }

                value = YamlScalarResolver.TryResolvePlain(scalar.Value, out var plain, out var problem) ? plain : throw Error(scalar.Start, problem!);
            }
            else
            {
                // Quoted and block scalars stay strings; '???' quoted is still OmegaConf's missing marker.
                value = scalar.Value == MissingValue.Literal ? MissingValue.Instance : scalar.Value;
            }

            if (role is Role.Value or Role.FlowItem && value is MissingValue.Literal)
            {
                return MissingValue.Instance; // OmegaConf: any "???" value is missing, '!!str ???' too
            }

            if (role is Role.Value or Role.FlowItem && value is string text && YamlScalarResolver.InterpolationSyntaxError(text) is { } syntax)
            {
                // OmegaConf checks the grammar of every interpolation value it loads (keys are not checked), once the
                // document is built: a later equal key can still replace it. Remembered by reference, reported at the end.
                (_badInterpolations ??= new(ReferenceEqualityComparer.Instance))[text] = (scalar.Start, syntax);
            }

            return value;
        }

        // PyYAML (so OmegaConf) reads '?' in a flow collection as a key indicator: '[?x]' is [{x: null}], '{?x: 1}' is
        // {x: 1}, and '{a: ???}' does not load at all.
        private object? FlowQuestionMark(Scalar scalar, Role role)
        {
            var rest = scalar.Value[1..];
            if (scalar.Value[0] == '?' && role is Role.FlowItem or Role.FlowKey && rest.Length > 0 && !rest.Contains('?', StringComparison.Ordinal) && !char.IsWhiteSpace(rest[0]))
            {
                var key = YamlScalarResolver.TryResolvePlain(rest, out var k, out var problem) ? k : throw Error(scalar.Start, problem!);
                if (role == Role.FlowKey)
                {
                    return key;
                }

                _nullKeyFound |= key is null;
                return key is null ? new NullKeyMapping(scalar.Start) : ConfigMapping.Of((key is MissingValue ? MissingValue.Literal : key, null));
            }

            throw Error(scalar.Start, $"'?' in the plain value '{InputSanitizer.Sanitize(scalar.Value)}' inside a flow collection is a key indicator to OmegaConf; quote the value");
        }

        private object? ResolveTagged(Scalar scalar)
        {
            var tag = scalar.Tag.Value;
            var text = scalar.Value;
            object? result = tag switch
            {
                TagPrefix + "str" => text,
                TagPrefix + "null" => null,
                TagPrefix + "bool" => YamlScalarResolver.TryParseBool(text, out var b) ? b : Invalid(),
                TagPrefix + "int" => YamlScalarResolver.TryParseInt(text, out var l) ? l : Invalid(),
                TagPrefix + "float" => YamlScalarResolver.TryParseFloat(text, out var d) ? d : Invalid(),
                _ => throw Error(scalar.Start, $"unsupported tag '{InputSanitizer.Sanitize(tag)}'"),
            };
            return result;

            object Invalid() => throw Error(scalar.Start, $"'{InputSanitizer.Sanitize(text)}' is not a valid !!{tag[TagPrefix.Length..]}");
        }

        private void RejectTag(TagName tag, string allowed, Mark at)
        {
            if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value != TagPrefix + allowed)
            {
                throw Error(at, $"unsupported tag '{InputSanitizer.Sanitize(tag.Value)}'");
            }
        }

        private ConfigValidationException Error(Mark at, string message) =>
            new($"{Describe(sourceName)}{message} (line {at.Line}, column {at.Column})");
    }
}
