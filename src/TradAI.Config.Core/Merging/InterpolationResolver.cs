using System.Text;
using TradAI.Config.Core.Errors;
using TradAI.Config.Core.Tree;

namespace TradAI.Config.Core.Merging;

/// <summary>
/// Resolves OmegaConf interpolations in a merged config: node references <c>${a.b}</c>, <c>${a[0]}</c>,
/// relative <c>${.sibling}</c> / <c>${..x}</c>, string interpolation <c>"${host}:${port}"</c>, nested <c>${a.${k}}</c>,
/// and the <c>oc.env</c> resolver (<c>${oc.env:VAR}</c>, <c>${oc.env:VAR,default}</c>). <c>\${</c> is a literal.
/// A whole-string reference keeps the referent's type; a mixed string becomes text. Cycles are errors.
/// </summary>
public sealed class InterpolationResolver
{
    // References that lead through other references: a bound on the resolver's own recursion.
    private const int MaxReferenceChain = 256;

    private readonly ConfigMapping _root;
    private readonly Func<string, string?> _environment;
    private readonly InterpolationOptions _options;
    private readonly Dictionary<string, object?> _resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly List<ValidationProblem> _problems = [];
    private long _producedLength;
    private long _producedNodes;

    private InterpolationResolver(ConfigMapping root, Func<string, string?> environment, InterpolationOptions options)
    {
        _root = root;
        _environment = environment;
        _options = options;
    }

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
            throw new ConfigValidationException(resolver._problems, "Interpolation failed");
        }

        return result;
    }

    private object? ResolveTree(object? value, List<object> path)
    {
        switch (value)
        {
            case string s when s.Contains("${", StringComparison.Ordinal) || s.Contains("\\${", StringComparison.Ordinal):
                try
                {
                    return ResolveString(s, path);
                }
                catch (InterpolationFailure f)
                {
                    _problems.Add(new ValidationProblem(ConfigPath.Join(path), f.Message));
                    return s;
                }

            case ConfigMapping m:
                {
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

    // Resolves the string held at 'path' (memoized, failures too, so a failed value is never worked out twice;
    // re-entry means a cycle).
    private object? ResolveString(string text, List<object> path)
    {
        var key = ConfigPath.Join(path);
        if (_resolved.TryGetValue(key, out var done))
        {
            return done;
        }

        if (_failed.TryGetValue(key, out var failure))
        {
            throw new InterpolationFailure(failure);
        }

        if (_inProgress.Count >= MaxReferenceChain)
        {
            throw new InterpolationFailure($"interpolations lead through more than {MaxReferenceChain} references");
        }

        if (!_inProgress.Add(key))
        {
            throw new InterpolationFailure($"interpolation cycle detected at '{InputSanitizer.Sanitize(key)}'");
        }

        try
        {
            var result = Evaluate(text, path, 0);
            Account(result, path);
            _resolved[key] = result;
            return result;
        }
        catch (InterpolationFailure f)
        {
            _failed[key] = f.Message;
            throw;
        }
        finally
        {
            _inProgress.Remove(key);
        }
    }

    // Charges what a resolved value adds to the document against the bounds.
    private void Account(object? result, List<object> path)
    {
        switch (result)
        {
            case string s:
                CheckLength(s.Length);
                _producedLength += s.Length;
                if (_producedLength > _options.MaxDocumentLength)
                {
                    throw new InterpolationFailure($"the resolved document would exceed {_options.MaxDocumentLength:N0} characters");
                }

                break;
            case ConfigMapping or ConfigSequence:
                if (path.Count + TreeShape.DepthOf(result) > _options.MaxDepth)
                {
                    throw new InterpolationFailure($"the referenced value would nest deeper than {_options.MaxDepth} levels here");
                }

                _producedNodes += TreeShape.NodeCountOf(result);
                if (_producedNodes > _options.MaxDocumentNodes)
                {
                    throw new InterpolationFailure($"references would copy more than {_options.MaxDocumentNodes:N0} nodes into the document");
                }

                break;
        }
    }

    private void CheckLength(long length)
    {
        if (length > _options.MaxValueLength)
        {
            throw new InterpolationFailure($"the value resolves to more than {_options.MaxValueLength:N0} characters");
        }
    }

    private object? Evaluate(string text, List<object> path, int nesting)
    {
        if (nesting > 32)
        {
            throw new InterpolationFailure("interpolations are nested too deeply");
        }

        var segments = Split(text);
        if (segments.Count == 1 && segments[0].IsInterpolation)
        {
            return EvaluateBody(segments[0].Text, path, nesting);
        }

        var sb = new StringBuilder();
        foreach (var seg in segments)
        {
            if (!seg.IsInterpolation)
            {
                sb.Append(seg.Text);
                continue;
            }

            var v = EvaluateBody(seg.Text, path, nesting);
            if (v is ConfigMapping or ConfigSequence)
            {
                sb.Append(ConfigJsonWriter.ToJson(v, indented: false));
            }
            else
            {
                sb.Append(ConfigValues.FormatScalar(v));
            }

            CheckLength(sb.Length);
        }

        return sb.ToString();
    }

    private object? EvaluateBody(string body, List<object> path, int nesting)
    {
        // Nested interpolations inside the body are resolved to text first: ${a.${key}}.
        if (body.Contains("${", StringComparison.Ordinal))
        {
            var inner = Evaluate(body, path, nesting + 1);
            body = ConfigValues.FormatScalar(inner);
        }

        body = body.Trim();
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0
            ? CallResolver(body[..colon].Trim(), body[(colon + 1)..])
            : Select(body, path);
    }

    private object? CallResolver(string name, string argText)
    {
        var args = SplitArgs(argText);
        switch (name)
        {
            case "oc.env" or "env":
                if (args.Count is < 1 or > 2 || args[0].Length == 0)
                {
                    throw new InterpolationFailure("oc.env takes a variable name and an optional default: ${oc.env:VAR,default}");
                }

                var value = _environment(args[0]);
                if (value is not null)
                {
                    return value;
                }

                if (args.Count == 2)
                {
                    // OmegaConf returns the default as a string, or None for 'null'.
                    var d = YamlScalarResolver.ResolvePlain(args[1]);
                    return d is null ? null : args[1];
                }

                throw new InterpolationFailure($"environment variable '{InputSanitizer.Sanitize(args[0])}' is not set (give a default: ${{oc.env:{InputSanitizer.Sanitize(args[0])},default}})");

            default:
                throw new InterpolationFailure($"unsupported interpolation resolver '{InputSanitizer.Sanitize(name)}' (supported: oc.env)");
        }
    }

    private object? Select(string reference, List<object> path)
    {
        if (reference.Length == 0)
        {
            throw new InterpolationFailure("empty interpolation ${}");
        }

        var dots = 0;
        while (dots < reference.Length && reference[dots] == '.')
        {
            dots++;
        }

        List<object> target;
        if (dots == 0)
        {
            target = [];
        }
        else
        {
            // ${.x}: a sibling (same container); each extra dot climbs one level.
            var up = path.Count - dots;
            if (up < 0)
            {
                throw new InterpolationFailure($"relative interpolation '${{{InputSanitizer.Sanitize(reference)}}}' climbs above the root");
            }

            target = path.GetRange(0, up);
        }

        var keys = ParseReference(reference[dots..], reference);
        object? current = target.Count == 0 ? _root : Walk(target, reference);
        foreach (var k in keys)
        {
            current = Step(current, k, target, reference);
        }

        if (current is string s && s.Contains("${", StringComparison.Ordinal))
        {
            current = ResolveString(s, target);
        }
        else if (current is ConfigMapping or ConfigSequence)
        {
            current = ResolveTree(current, target);
        }

        if (current is MissingValue)
        {
            throw new InterpolationFailure($"'{InputSanitizer.Sanitize(ConfigPath.Join(target))}' is missing (???): supply a value");
        }

        return current;
    }

    private object? Walk(List<object> target, string reference)
    {
        object? current = _root;
        var walked = new List<object>(target.Count);
        foreach (var k in target)
        {
            current = Step(current, k is int i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : ConfigPath.FormatKey(k), walked, reference, exactKey: k);
        }

        return current;
    }

    // Moves one key down from 'current' (at 'at'), resolving an interpolated intermediate node first.
    private object? Step(object? current, string key, List<object> at, string reference, object? exactKey = null)
    {
        if (current is string s && s.Contains("${", StringComparison.Ordinal))
        {
            current = ResolveString(s, at);
        }

        switch (current)
        {
            case ConfigMapping m:
                {
                    var found = exactKey is not null && exactKey is not int && m.ContainsKey(exactKey) ? exactKey : m.FindKeyByText(key);
                    if (found is null)
                    {
                        throw NotFound(reference);
                    }

                    at.Add(found);
                    return m[found];
                }

            case ConfigSequence q when int.TryParse(key, out var idx) && idx >= 0 && idx < q.Count:
                at.Add(idx);
                return q[idx];
            default:
                throw NotFound(reference);
        }
    }

    private static InterpolationFailure NotFound(string reference) =>
        new($"interpolation key '{InputSanitizer.Sanitize(reference)}' not found");

    // "a.b[0].c" -> [a, b, 0, c]
    private static List<string> ParseReference(string text, string reference)
    {
        var keys = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                Flush();
            }
            else if (c == '[')
            {
                Flush();
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    throw new InterpolationFailure($"unclosed '[' in interpolation '${{{InputSanitizer.Sanitize(reference)}}}'");
                }

                keys.Add(text[(i + 1)..close].Trim());
                i = close;
            }
            else
            {
                sb.Append(c);
            }
        }

        Flush();
        return keys;

        void Flush()
        {
            if (sb.Length > 0)
            {
                keys.Add(sb.ToString());
                sb.Clear();
            }
        }
    }

    private static List<string> SplitArgs(string text)
    {
        var args = new List<string>();
        var sb = new StringBuilder();
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ',')
            {
                args.Add(sb.ToString().Trim());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        if (quote != '\0')
        {
            throw new InterpolationFailure("unterminated quoted argument in resolver call");
        }

        args.Add(sb.ToString().Trim());
        return args;
    }

    private readonly record struct Segment(string Text, bool IsInterpolation);

    // Splits text into literal runs and top-level ${...} bodies; "\${" is a literal "${".
    private static List<Segment> Split(string text)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var depth = 1;
                var j = i + 2;
                while (j < text.Length && depth > 0)
                {
                    if (text[j] == '$' && j + 1 < text.Length && text[j + 1] == '{')
                    {
                        depth++;
                        j += 2;
                        continue;
                    }

                    if (text[j] == '}')
                    {
                        depth--;
                    }

                    j++;
                }

                if (depth != 0)
                {
                    throw new InterpolationFailure($"unclosed interpolation in '{InputSanitizer.Sanitize(text)}'");
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), false));
                    literal.Clear();
                }

                segments.Add(new Segment(text[(i + 2)..(j - 1)], true));
                i = j;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        if (literal.Length > 0 || segments.Count == 0)
        {
            segments.Add(new Segment(literal.ToString(), false));
        }

        return segments;
    }

    private sealed class InterpolationFailure(string message) : Exception(message);
}
