using System.Globalization;
using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Merging.Grammar;
using TradAI.Config.Core.Tree;
using static TradAI.Config.Core.Merging.Grammar.InterpolationSyntax;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Resolves OmegaConf interpolations in a merged config as OmegaConf 2.2 does (its grammar, ported in
/// <see cref="InterpolationParser"/>): node references <c>${a.b}</c>, <c>${a[0]}</c>, relative <c>${.sibling}</c> /
/// <c>${..x}</c>, string interpolation <c>"${host}:${port}"</c>, nested <c>${a.${k}}</c>, and the <c>oc.env</c> resolver
/// (<c>${oc.env:VAR}</c>, <c>${oc.env:VAR,default}</c>, the default typed by the grammar and then made text as Python's
/// <c>str()</c> does: <c>true</c> gives <c>"True"</c>). <c>\${</c> is a literal. A whole-string reference keeps the
/// referent's type; a mixed string becomes text, with mappings and lists written as Python writes them. Keys are
/// matched as text (<c>${1}</c> finds the key <c>"1"</c>, not <c>1</c>). Cycles and references to an enclosing node are errors.
/// </summary>
public sealed class InterpolationResolver
{
    // References that lead through other references (strings being resolved plus mappings and lists being expanded
    // inside one another): a bound on the resolver's own recursion.
    private const int MaxReferenceChain = 256;

    private readonly ConfigMapping _root;
    private readonly Func<string, string?> _environment;
    private readonly InterpolationOptions _options;
    private readonly Dictionary<string, Resolved> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private HashSet<string>? _expanding;
    private Dictionary<string, object?>? _expanded;
    private readonly List<ValidationProblem> _problems = [];
    private long _producedLength;
    private long _producedNodes;
    private int _treeDepth;

    private InterpolationResolver(ConfigMapping root, Func<string, string?> environment, InterpolationOptions options)
    {
        _root = root;
        _environment = environment;
        _options = options;
    }

    /// <summary>A resolved value and, for a mapping or list, where it lives (its relative interpolations resolve from there).</summary>
    private readonly record struct Resolved(object? Value, List<object> Location);

    /// <summary>Whether any string in the tree contains an interpolation (cheap pre-check).</summary>
    public static bool HasInterpolations(object? value)
    {
        switch (value)
        {
            case string s:
                return s.Contains("${", StringComparison.Ordinal);
            case ConfigMapping m:
                return AnyValue(m);
            case ConfigSequence q:
                foreach (var item in q.Items)
                {
                    if (HasInterpolations(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool AnyValue(ConfigMapping m)
    {
        foreach (var (_, v) in m.Entries)
        {
            if (HasInterpolations(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns <paramref name="config"/> with every interpolation resolved.</summary>
    /// <param name="config">The merged config.</param>
    /// <param name="environment">Looks up environment variables for <c>oc.env</c>; the process environment when null.</param>
    /// <param name="options">Bounds on what resolution may produce; <see cref="InterpolationOptions.Default"/> when null.</param>
    /// <exception cref="ConfigValidationException">Every interpolation that failed, with its path and why.</exception>
    public static ConfigMapping Resolve(ConfigMapping config, Func<string, string?>? environment = null, InterpolationOptions? options = null)
    {
        if (!HasInterpolations(config))
        {
            return config;
        }

        var resolver = new InterpolationResolver(config, environment ?? Environment.GetEnvironmentVariable, options ?? InterpolationOptions.Default);
        var result = (ConfigMapping)resolver.ResolveTree(config, [])!;
        if (resolver._problems.Count > 0)
        {
            throw new ConfigValidationException(resolver._problems.Distinct().ToList(), "Interpolation failed");
        }

        return result;
    }

    /// <summary>
    /// What OmegaConf's merge sees when it merges into an interpolation node: the mapping or list the string at
    /// <paramref name="path"/> points to, unresolved; null when it points at anything else or does not resolve.
    /// </summary>
    internal static object? DereferenceContainer(ConfigMapping root, List<object> path, string text)
    {
        var resolver = new InterpolationResolver(root, Environment.GetEnvironmentVariable, InterpolationOptions.Default);
        try
        {
            var value = resolver.ResolveString(text, path).Value;
            return value is ConfigMapping or ConfigSequence ? value : null;
        }
        catch (InterpolationFailure)
        {
            return null;
        }
    }

    private object? ResolveTree(object? value, List<object> path)
    {
        switch (value)
        {
            case string s when s.Contains("${", StringComparison.Ordinal):
                // A failure already met through another reference is reported without throwing it again.
                if (_failed.Count > 0 && _failed.TryGetValue(PathKey(path), out var known))
                {
                    _problems.Add(new ValidationProblem(InputSanitizer.Sanitize(ConfigPath.Join(path)), known));
                    return s;
                }

                try
                {
                    var r = ResolveString(s, path);
                    return r.Value is ConfigMapping or ConfigSequence ? Land(Expand(r, path), path) : r.Value;
                }
                catch (InterpolationFailure f)
                {
                    _problems.Add(new ValidationProblem(InputSanitizer.Sanitize(ConfigPath.Join(path)), f.Message));
                    return s;
                }

            case ConfigMapping m:
                {
                    using var level = Descend();
                    KeyValuePair<object, object?>[]? copy = null;
                    var entries = m.Entries;
                    for (var i = 0; i < entries.Length; i++)
                    {
                        path.Add(entries[i].Key);
                        var r = ResolveTree(entries[i].Value, path);
                        path.RemoveAt(path.Count - 1);
                        if (!ReferenceEquals(r, entries[i].Value))
                        {
                            copy ??= entries.ToArray();
                            copy[i] = new(entries[i].Key, r);
                        }
                    }

                    return copy is null ? m : new ConfigMapping(copy);
                }

            case ConfigSequence q:
                {
                    using var level = Descend();
                    object?[]? copy = null;
                    for (var i = 0; i < q.Count; i++)
                    {
                        path.Add(i);
                        var r = ResolveTree(q[i], path);
                        path.RemoveAt(path.Count - 1);
                        if (!ReferenceEquals(r, q[i]))
                        {
                            copy ??= [.. q];
                            copy[i] = r;
                        }
                    }

                    return copy is null ? q : new ConfigSequence(copy);
                }

            default:
                return value;
        }
    }

    // A mapping or list reached through a reference, resolved where it lives (memoized: every reference to it lands
    // the same tree). Two such nodes that reach each other (x: {b: ${k}}, k: {c: ${x}}) would expand forever; OmegaConf
    // fails on them with a RecursionError.
    private object? Expand(Resolved target, List<object> landing)
    {
        var key = PathKey(target.Location);
        if (_expanded?.TryGetValue(key, out var done) == true)
        {
            return done;
        }

        // Fail before the work when even the unresolved target is too deep where it lands.
        CheckDepth(landing, target.Value);
        _expanding ??= new(StringComparer.Ordinal);
        if (_inProgress.Count + _expanding.Count >= MaxReferenceChain)
        {
            throw ChainTooLong();
        }

        if (!_expanding.Add(key))
        {
            throw new InterpolationFailure($"interpolation cycle: '{InputSanitizer.Sanitize(ConfigPath.Join(target.Location))}' contains a reference back to itself");
        }

        try
        {
            var result = ResolveTree(target.Value, [.. target.Location]);
            (_expanded ??= new(StringComparer.Ordinal))[key] = result;
            return result;
        }
        finally
        {
            _expanding.Remove(key);
        }
    }

    // Resolves the string held at 'path' (memoized, failures too, so a failed value is never worked out twice;
    // re-entry means a cycle). Mappings and lists come back unresolved.
    private Resolved ResolveString(string text, List<object> path)
    {
        var key = PathKey(path);
        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        if (_failed.TryGetValue(key, out var failure))
        {
            throw new InterpolationFailure(failure);
        }

        if (_inProgress.Count + (_expanding?.Count ?? 0) >= MaxReferenceChain)
        {
            throw ChainTooLong();
        }

        if (!_inProgress.Add(key))
        {
            throw new InterpolationFailure($"interpolation cycle detected at '{InputSanitizer.Sanitize(ConfigPath.Join(path))}'");
        }

        try
        {
            Text parsed;
            try
            {
                parsed = InterpolationParser.Parse(text);
            }
            catch (InterpolationSyntaxException ex)
            {
                throw new InterpolationFailure(ex.Message);
            }

            var result = Evaluate(parsed, [.. path]);
            if (result.Value is string s)
            {
                ChargeText(s);
            }

            _resolved[key] = result;
            return result;
        }
        catch (InterpolationFailure f) when (Remember(key, f))
        {
            throw; // not reached: the filter records the failure and lets it pass, so a long chain unwinds in one throw
        }
        finally
        {
            _inProgress.Remove(key);
        }
    }

    // Memoizes a failure on its way up; false, so the exception is not caught (no rethrow per reference in a chain).
    private bool Remember(string key, InterpolationFailure failure)
    {
        _failed[key] = failure.Message;
        return false;
    }

    private static InterpolationFailure ChainTooLong() => new($"interpolations lead through more than {MaxReferenceChain} references");

    // Charges a resolved string against the value and document bounds.
    private void ChargeText(string s)
    {
        CheckLength(s.Length);
        _producedLength += s.Length;
        if (_producedLength > _options.MaxDocumentLength)
        {
            throw new InterpolationFailure($"the resolved document would exceed {_options.MaxDocumentLength:N0} characters");
        }
    }

    // Charges a mapping or list that a reference copies into place at 'landing': its depth there and its nodes.
    private object? Land(object? expanded, List<object> landing)
    {
        CheckDepth(landing, expanded);
        _producedNodes += TreeShape.NodeCountOf(expanded);
        if (_producedNodes > _options.MaxDocumentNodes)
        {
            throw new InterpolationFailure($"references would copy more than {_options.MaxDocumentNodes:N0} nodes into the document");
        }

        return expanded;
    }

    private void CheckDepth(List<object> landing, object? value)
    {
        if (landing.Count + TreeShape.DepthOf(value) > _options.MaxDepth)
        {
            throw new InterpolationFailure($"the referenced value would nest deeper than {_options.MaxDepth} levels here");
        }
    }

    private void CheckLength(long length)
    {
        if (length > _options.MaxValueLength)
        {
            throw new InterpolationFailure($"the value resolves to more than {_options.MaxValueLength:N0} characters");
        }
    }

    // Python's str() of a value, refused past the value bound before it is built in full.
    private string Str(object? value) =>
        ConfigValues.FormatScalar(value, _options.MaxValueLength) ?? throw new InterpolationFailure($"the value resolves to more than {_options.MaxValueLength:N0} characters");

    // One level of the resolver's walk; expansions inside expansions add up, bounded as every tree walk is.
    private TreeLevel Descend()
    {
        if (++_treeDepth > TreeShape.MaxSupportedDepth)
        {
            _treeDepth--;
            throw new InterpolationFailure($"references nest deeper than {TreeShape.MaxSupportedDepth} levels");
        }

        return new TreeLevel(this);
    }

    private readonly struct TreeLevel(InterpolationResolver owner) : IDisposable
    {
        public void Dispose() => owner._treeDepth--;
    }

    // A unique text for a path: '1' (string) and 1 (integer) are different keys.
    private static string PathKey(List<object> path)
    {
        var sb = new StringBuilder();
        foreach (var segment in path)
        {
            sb.Append(segment switch { int => '[', string => 's', long => 'i', double => 'f', _ => 'b' })
                .Append(segment is int i ? i.ToString(CultureInfo.InvariantCulture) : ConfigPath.FormatKey(segment))
                .Append('\u0001');
        }

        return sb.ToString();
    }

    // The grammar's 'text': a lone interpolation keeps its value; anything else is concatenated as Python's str().
    private Resolved Evaluate(Text text, List<object> path)
    {
        if (text.Parts is [Interpolation only])
        {
            return Evaluate(only, path);
        }

        var sb = new StringBuilder();
        foreach (var part in text.Parts)
        {
            sb.Append(part is Literal l ? l.Value : Str(Evaluate((Interpolation)part, path).Value));
            CheckLength(sb.Length);
        }

        return new Resolved(sb.ToString(), path);
    }

    private Resolved Evaluate(Interpolation interpolation, List<object> path)
    {
        switch (interpolation)
        {
            case NodeReference { Key: [Literal only] }:
                return Select(only.Value, path);
            case NodeReference node:
                var key = new StringBuilder();
                foreach (var part in node.Key)
                {
                    key.Append(part is Literal l ? l.Value : KeyText((Interpolation)part, path, "a config key"));
                }

                return Select(key.ToString(), path);
            case ResolverCall call:
                // A literal piece may hold several dotted IDs ("oc.env"); nested interpolations give one piece each.
                var name = call.Name is [Literal single] ? single.Value
                    : string.Join('.', call.Name.Select(p => p is Literal l ? l.Value : KeyText((Interpolation)p, path, "a resolver name")));
                var args = new List<object?>(call.Arguments.Count);
                foreach (var argument in call.Arguments)
                {
                    args.Add(Evaluate(argument, path));
                }

                return new Resolved(CallResolver(name, args), path);
            default:
                throw new InterpolationFailure("unsupported interpolation");
        }
    }

    // A nested interpolation used as a key or resolver name must give a string (OmegaConf refuses ${a.${n}} with n: 1).
    private string KeyText(Interpolation inner, List<object> path, string what) =>
        Evaluate(inner, path).Value is string s
            ? s
            : throw new InterpolationFailure($"an interpolation used as {what} must give a string");

    // A resolver argument as OmegaConf's visitor builds it (Python values; mappings and lists are raw nodes).
    private object? Evaluate(Element element, List<object> path)
    {
        switch (element)
        {
            case Quoted q:
                return q.Content is null ? string.Empty : Str(Evaluate(q.Content, path).Value);
            case ListLiteral list:
                return ConfigSequence.From(list.Items.Select(i => Evaluate(i, path)));
            case DictLiteral dict:
                var builder = new ConfigMappingBuilder();
                foreach (var (k, v) in dict.Entries)
                {
                    var keyValue = Evaluate(k, path) ?? throw new InterpolationFailure("a null key in a dict argument is not supported");
                    builder.Set(keyValue, Evaluate(v, path));
                }

                return builder.Build();
            case Primitive p when p.Parts is [var single]:
                return single switch
                {
                    { Interpolation: { } i } => Evaluate(i, path).Value,
                    { Kind: InterpolationTokenKind.Null } => null,
                    { Kind: InterpolationTokenKind.Bool } => single.Text.Equals("true", StringComparison.OrdinalIgnoreCase),
                    { Kind: InterpolationTokenKind.Int } => PythonInt(single.Text, out var l) ? l : throw new InterpolationFailure($"the integer '{InputSanitizer.Sanitize(single.Text)}' does not fit in 64 bits"),
                    { Kind: InterpolationTokenKind.Float } => PythonFloat(single.Text),
                    { Kind: InterpolationTokenKind.Esc } => InterpolationParser.EveryOther(single.Text),
                    _ => single.Text,
                };
            case Primitive p:
                var sb = new StringBuilder();
                foreach (var part in p.Parts)
                {
                    sb.Append(part switch
                    {
                        { Interpolation: { } i } => Str(Evaluate(i, path).Value),
                        { Kind: InterpolationTokenKind.Esc } => InterpolationParser.EveryOther(part.Text),
                        _ => part.Text,
                    });
                    CheckLength(sb.Length);
                }

                return sb.ToString();
            default:
                throw new InterpolationFailure("unsupported resolver argument");
        }
    }

    private object? CallResolver(string name, List<object?> args)
    {
        switch (name)
        {
            case "oc.env":
                if (args.Count is < 1 or > 2)
                {
                    throw new InterpolationFailure("oc.env takes a variable name and an optional default: ${oc.env:VAR,default}");
                }

                if (args[0] is not string variable)
                {
                    throw new InterpolationFailure("oc.env: the variable name must be a string");
                }

                var value = variable.Length == 0 ? null : _environment(variable);
                if (value is not null)
                {
                    return value;
                }

                if (args.Count == 2)
                {
                    // OmegaConf returns str(default), or None for null.
                    return args[1] is null ? null : Str(args[1]);
                }

                throw new InterpolationFailure($"environment variable '{InputSanitizer.Sanitize(variable)}' is not set (give a default: ${{oc.env:{InputSanitizer.Sanitize(variable)},default}})");

            default:
                throw new InterpolationFailure($"unsupported interpolation resolver '{InputSanitizer.Sanitize(name)}' (supported: oc.env)");
        }
    }

    // OmegaConf's node selection: leading dots climb from the node's container, the rest is split as split_key does.
    private Resolved Select(string reference, List<object> path)
    {
        var up = 0;
        var rest = reference;
        if (rest.StartsWith('.'))
        {
            rest = rest[1..];
            while (rest.StartsWith('.'))
            {
                rest = rest[1..];
                up++;
            }

            if (up > path.Count - 1)
            {
                throw new InterpolationFailure($"relative interpolation '${{{InputSanitizer.Sanitize(reference)}}}' climbs above the root");
            }
        }

        var location = reference.StartsWith('.') ? path.GetRange(0, path.Count - 1 - up) : [];
        object? current = Walk(location);
        var result = rest.Length == 0 ? new Resolved(current, location) : default;
        if (rest.Length > 0)
        {
            var keys = SplitKey(rest);
            for (var i = 0; i < keys.Count; i++)
            {
                var child = SelectOne(current, keys[i], location, reference);
                if (i < keys.Count - 1)
                {
                    if (child.Value is string s && s.Contains("${", StringComparison.Ordinal))
                    {
                        child = ResolveString(s, child.Location);
                    }

                    if (child.Value is not (ConfigMapping or ConfigSequence))
                    {
                        throw new InterpolationFailure($"interpolation '${{{InputSanitizer.Sanitize(reference)}}}': '{InputSanitizer.Sanitize(keys[i])}' is not a mapping or list");
                    }
                }
                else if (child.Value is string s && s.Contains("${", StringComparison.Ordinal))
                {
                    child = ResolveString(s, child.Location);
                }

                current = child.Value;
                location = child.Location;
                result = child;
            }
        }

        // OmegaConf refuses a reference to the node's own container or one of its ancestors.
        if (result.Value is ConfigMapping or ConfigSequence && result.Location.Count <= path.Count - 1 &&
            result.Location.Zip(path).All(p => p.First is int i ? p.Second is int j && i == j : p.Second is not int && ConfigKeys.Comparer.Equals(p.First, p.Second)))
        {
            throw new InterpolationFailure($"interpolation cycle: '${{{InputSanitizer.Sanitize(reference)}}}' points to a node that contains it");
        }

        return result;
    }

    // The node at a real location of the tree (the containers of interpolation nodes always are).
    private object? Walk(List<object> location)
    {
        object? current = _root;
        foreach (var k in location)
        {
            current = k is int i ? ((ConfigSequence)current!)[i] : ((ConfigMapping)current!)[k];
        }

        return current;
    }

    // One step: a mapping key matched as text, or a list index as Python's int() reads it; '???' is an error.
    private static Resolved SelectOne(object? container, string key, List<object> location, string reference)
    {
        object? value;
        object segment;
        switch (container)
        {
            case ConfigMapping m when m.TryGetValue(key, out value):
                segment = key;
                break;
            case ConfigSequence q when PythonInt(key, out var index):
                if (index < 0 || index >= q.Count)
                {
                    throw NotFound(reference);
                }

                segment = (int)index;
                value = q[(int)index];
                break;
            case ConfigSequence:
                throw new InterpolationFailure($"interpolation '${{{InputSanitizer.Sanitize(reference)}}}': list index '{InputSanitizer.Sanitize(key)}' is not an integer");
            default:
                throw NotFound(reference);
        }

        var at = new List<object>(location) { segment };
        if (value is MissingValue)
        {
            throw new InterpolationFailure($"'{InputSanitizer.Sanitize(ConfigPath.Join(at))}' is missing (???): supply a value");
        }

        return new Resolved(value, at);
    }

    private static InterpolationFailure NotFound(string reference) =>
        new($"interpolation key '{InputSanitizer.Sanitize(reference)}' not found");

    // OmegaConf's split_key: "a.b[c].d" -> [a, b, c, d]; the head runs to the first '.' or '['.
    private static List<string> SplitKey(string key)
    {
        var keys = new List<string>();
        var i = key.IndexOfAny(['.', '[']);
        keys.Add(i < 0 ? key : key[..i]);
        if (i < 0)
        {
            return keys;
        }

        if (key[i] == '[' && keys[0].Length == 0)
        {
            keys.Clear();
        }

        while (i < key.Length)
        {
            if (key[i] == '.')
            {
                var end = key.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? key.Length : end;
                keys.Add(key[(i + 1)..end]);
                i = end;
            }
            else if (key[i] == '[')
            {
                var close = key.IndexOf(']', i + 1);
                if (close < 0)
                {
                    break;
                }

                keys.Add(key[(i + 1)..close]);
                i = close + 1;
            }
            else
            {
                // Text between groups is skipped, as re.findall skips it.
                i++;
            }
        }

        return keys;
    }

    // Python's int(text): surrounding whitespace, a sign, digits with single '_' between them.
    private static bool PythonInt(string text, out long value)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0 || s[0] == '_' || s[^1] == '_' || s.Contains("__", StringComparison.Ordinal))
        {
            return false;
        }

        var digits = s.ToString().Replace("_", string.Empty, StringComparison.Ordinal);
        if (!digits.All(char.IsAsciiDigit) || !ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude))
        {
            return false;
        }

        if (negative ? magnitude > 9223372036854775808UL : magnitude > long.MaxValue)
        {
            return false;
        }

        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return true;
    }

    // Python's float(text) for the grammar's FLOAT token: '_' separators, inf and nan in any case.
    private static double PythonFloat(string text)
    {
        var t = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var negative = t.StartsWith('-');
        var body = t.TrimStart('+', '-');
        var magnitude = body switch
        {
            "inf" => double.PositiveInfinity,
            "nan" => double.NaN,
            _ => double.Parse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
        };
        return negative ? -magnitude : magnitude;
    }

    private sealed class InterpolationFailure(string message) : Exception(message);
}
