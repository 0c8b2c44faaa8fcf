using System.Buffers;
using System.Globalization;
using System.Text;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// A fast path for the YAML that configs are actually written in: block mappings and sequences indented with
/// spaces, single-line plain and quoted scalars, single-line flow collections, comments, anchors, aliases and
/// <c>&lt;&lt;</c> merge keys. Anything else — or anything doubtful, including every error — makes it give up
/// (<see cref="TryParse"/> returns false) and the full YamlDotNet-based reader handles the document, so results
/// and error messages always match the reference reader. A differential test keeps the two in step.
/// </summary>
internal sealed class FastYamlReader
{
    // Tabs and CRs (their white-space rules), and NEL, U+2028 and U+2029, which YAML 1.1 reads as line breaks.
    private static readonly SearchValues<char> LeftToTheFullReader = SearchValues.Create("\t\r\u0085\u2028\u2029");

    private readonly string _s;
    private readonly YamlReadOptions _options;
    private readonly Dictionary<string, (object? Value, long Size)> _anchors = new(StringComparer.Ordinal);
    private int _pos;
    private int _depth;
    private long _expanded;

    private FastYamlReader(string text, YamlReadOptions options)
    {
        _s = text;
        _options = options;
    }

    /// <summary>Parses <paramref name="text"/> when it lies in the supported subset; false means "use the full reader".</summary>
    public static bool TryParse(string text, YamlReadOptions options, out object? root)
    {
        root = null;
        if (text.AsSpan().IndexOfAny(LeftToTheFullReader) >= 0 || (text.Length > 0 && text[0] == '\uFEFF') || YamlCharacters.IndexOfNonPrintable(text) >= 0)
        {
            return false;
        }

        try
        {
            var reader = new FastYamlReader(text, options);
            return reader.ParseDocument(out root);
        }
        catch (Bail)
        {
            return false;
        }
    }

    private sealed class Bail : Exception;

    private static readonly Bail GiveUp = new();

    private bool ParseDocument(out object? root)
    {
        root = null;
        if (!NextContentLine(out var indent))
        {
            return true; // empty document
        }

        if (indent != 0 || StartsWith("---") || StartsWith("...") || _s[_pos] == '%')
        {
            return false;
        }

        root = IsSequenceItem() ? ParseBlockSequence(0).Value
            : LooksLikeKey() ? ParseBlockMapping(0).Value
            : ParseInlineValue(-1).Value; // a lone scalar or flow collection (override values)
        if (NextContentLine(out _))
        {
            return false; // content left at a lower indent than expected
        }

        return true;
    }

    // Skips blank and comment lines; leaves _pos at the first non-space of the next content line.
    private bool NextContentLine(out int indent)
    {
        while (_pos < _s.Length)
        {
            var lineStart = _pos;
            while (_pos < _s.Length && _s[_pos] == ' ')
            {
                _pos++;
            }

            if (_pos >= _s.Length)
            {
                break;
            }

            if (_s[_pos] == '\n' || _s[_pos] == '#')
            {
                SkipToNextLine();
                continue;
            }

            indent = _pos - lineStart;
            return true;
        }

        indent = 0;
        return false;
    }

    private int PeekIndent()
    {
        var save = _pos;
        var found = NextContentLine(out var indent);
        _pos = save;
        return found ? indent : -1;
    }

    private void SkipToNextLine()
    {
        var nl = _s.IndexOf('\n', _pos);
        _pos = nl < 0 ? _s.Length : nl + 1;
    }

    private bool StartsWith(string token) => string.CompareOrdinal(_s, _pos, token, 0, token.Length) == 0;

    private bool IsSequenceItem() => _s[_pos] == '-' && (_pos + 1 >= _s.Length || _s[_pos + 1] is ' ' or '\n');

    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw GiveUp;
        }
    }

    private (object? Value, long Size) Count((object? Value, long Size) node)
    {
        _expanded += node.Size;
        if (_expanded > _options.MaxExpandedNodes)
        {
            throw GiveUp;
        }

        return node;
    }

    // A block mapping whose first key starts at _pos (column 'indent').
    private (object? Value, long Size) ParseBlockMapping(int indent)
    {
        Enter();
        var builder = new ConfigMappingBuilder();
        List<ConfigMapping>? merges = null;
        long size = 1;
        while (true)
        {
            var isMerge = _s[_pos] == '<' && StartsWith("<<:");
            object key;
            if (isMerge)
            {
                _pos += 2;
                key = "<<";
            }
            else
            {
                key = ParseKey();
            }

            // after the ':'
            _pos++;
            var (value, s) = ParseValueAfterIndicator(indent, allowSameIndentSequence: true);
            size += s;
            if (isMerge)
            {
                merges ??= [];
                switch (value)
                {
                    case ConfigMapping m: merges.Add(m); break;
                    case ConfigSequence q when q.All(i => i is ConfigMapping): merges.AddRange(q.Cast<ConfigMapping>().Reverse()); break;
                    default: throw GiveUp;
                }
            }
            else if (key is not string)
            {
                builder.Set(key, value); // a repeated number or bool key is a dict assignment, as in OmegaConf
            }
            else if (!builder.TryAdd(key, value))
            {
                throw GiveUp; // duplicate key: the full reader reports it with its line
            }

            var save = _pos;
            if (!NextContentLine(out var next) || next < indent)
            {
                _pos = save;
                break;
            }

            if (next > indent || IsSequenceItem())
            {
                throw GiveUp;
            }
        }

        _depth--;
        _expanded++;
        var mapping = builder.Build();
        return (merges is null ? mapping : YamlConfigReader.ApplyMerges(mapping, merges), size);
    }

    private (object? Value, long Size) ParseBlockSequence(int indent)
    {
        Enter();
        var items = new List<object?>();
        long size = 1;
        while (true)
        {
            _pos++; // '-'
            while (_pos < _s.Length && _s[_pos] == ' ')
            {
                _pos++;
            }

            (object? Value, long Size) item;
            if (_pos >= _s.Length || _s[_pos] == '\n' || _s[_pos] == '#')
            {
                SkipToNextLine();
                item = NestedBlockOrNull(indent, allowSameIndentSequence: false);
            }
            else if (IsSequenceItem())
            {
                throw GiveUp; // "- - x"
            }
            else if (LooksLikeKey())
            {
                // "- key: value": a compact mapping whose keys sit at this column.
                item = ParseBlockMapping(_pos - LineStart(_pos));
            }
            else
            {
                item = ParseInlineValue(indent);
            }

            items.Add(item.Value);
            size += item.Size;
            var save = _pos;
            if (!NextContentLine(out var next) || next < indent)
            {
                _pos = save;
                break;
            }

            if (next > indent)
            {
                throw GiveUp;
            }

            if (!IsSequenceItem())
            {
                // A key at the column of the '-': the parent mapping continues.
                _pos = save;
                break;
            }
        }

        _depth--;
        _expanded++;
        return (items.Count == 0 ? ConfigSequence.Empty : new ConfigSequence([.. items]), size);
    }

    private int LineStart(int pos)
    {
        var nl = pos == 0 ? -1 : _s.LastIndexOf('\n', pos - 1);
        return nl + 1;
    }

    // After "key:" — an inline value, or a nested block on the following lines.
    private (object? Value, long Size) ParseValueAfterIndicator(int indent, bool allowSameIndentSequence)
    {
        if (_pos < _s.Length && _s[_pos] != ' ' && _s[_pos] != '\n')
        {
            throw GiveUp;
        }

        while (_pos < _s.Length && _s[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos >= _s.Length || _s[_pos] == '\n' || _s[_pos] == '#')
        {
            SkipToNextLine();
            return NestedBlockOrNull(indent, allowSameIndentSequence);
        }

        return ParseInlineValue(indent);
    }

    private (object? Value, long Size) NestedBlockOrNull(int indent, bool allowSameIndentSequence, string? anchor = null)
    {
        var save = _pos;
        if (NextContentLine(out var childIndent))
        {
            if (childIndent > indent)
            {
                var node = IsSequenceItem() ? ParseBlockSequence(childIndent) : LooksLikeKey() ? ParseBlockMapping(childIndent) : throw GiveUp;
                return Remember(anchor, node);
            }

            if (childIndent == indent && allowSameIndentSequence && IsSequenceItem())
            {
                return Remember(anchor, ParseBlockSequence(childIndent));
            }
        }

        _pos = save;
        return Remember(anchor, Count((null, 1)));
    }

    private (object? Value, long Size) Remember(string? anchor, (object? Value, long Size) node)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        return node;
    }

    // A value on the current line; the rest of the line must be empty or a comment.
    private (object? Value, long Size) ParseInlineValue(int indent)
    {
        var c = _s[_pos];
        (object? Value, long Size) node;
        if (c == '&')
        {
            var anchor = ReadName();
            if (_pos >= _s.Length || _s[_pos] == '\n')
            {
                SkipToNextLine();
                return NestedBlockOrNull(indent, allowSameIndentSequence: true, anchor);
            }

            if (_s[_pos] != ' ')
            {
                throw GiveUp;
            }

            while (_s[_pos] == ' ')
            {
                _pos++;
            }

            if (_s[_pos] is '\n' or '#' or '&' or '*')
            {
                throw GiveUp;
            }

            node = Remember(anchor, ParseInlineValue(indent));
            return node;
        }

        if (c == '*')
        {
            var name = ReadName();
            node = Count(_anchors.TryGetValue(name, out var target) ? target : throw GiveUp);
        }
        else if (c is '[' or '{')
        {
            node = ParseFlow();
        }
        else if (c is '\'' or '"')
        {
            node = Count((QuotedValue(ReadQuoted()), 1));
        }
        else
        {
            node = Count((Plain(ReadPlain(flow: false)), 1));
        }

        EndOfLine();
        return node;
    }

    private void EndOfLine()
    {
        while (_pos < _s.Length && _s[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos < _s.Length && _s[_pos] != '\n' && _s[_pos] != '#')
        {
            throw GiveUp;
        }

        SkipToNextLine();
    }

    private string ReadName()
    {
        var start = ++_pos;
        while (_pos < _s.Length && _s[_pos] is not (' ' or '\n' or ',' or '[' or ']' or '{' or '}'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw GiveUp;
        }

        return _s[start.._pos];
    }

    // Whether the line at _pos starts with "key:" — a cheap scan, no exceptions (it runs for every list item).
    // ParseKey still validates the key and gives up on anything unusual.
    private bool LooksLikeKey()
    {
        var i = _pos;
        if (i < _s.Length && _s[i] is '\'' or '"')
        {
            var close = _s.IndexOf(_s[i], i + 1);
            var eol = _s.IndexOf('\n', i);
            if (close < 0 || (eol >= 0 && close > eol))
            {
                return false;
            }

            i = close + 1;
            while (i < _s.Length && _s[i] == ' ')
            {
                i++;
            }

            return i < _s.Length && _s[i] == ':';
        }

        for (; i < _s.Length && _s[i] != '\n'; i++)
        {
            if (_s[i] == ':' && (i + 1 >= _s.Length || _s[i + 1] is ' ' or '\n'))
            {
                return true;
            }

            if (_s[i] == '#' && i > _pos && _s[i - 1] == ' ')
            {
                return false;
            }
        }

        return false;
    }

    // A key up to its ':' (left at _pos); plain keys are typed like values, as YAML does.
    private object ParseKey()
    {
        var c = _s[_pos];
        object key;
        if (c is '\'' or '"')
        {
            var text = ReadQuoted();
            key = text == MissingValue.Literal ? MissingValue.Literal : text;
        }
        else
        {
            if (IsIndicator(c))
            {
                throw GiveUp;
            }

            var start = _pos;
            while (true)
            {
                if (_pos >= _s.Length || _s[_pos] == '\n')
                {
                    throw GiveUp;
                }

                if (_s[_pos] == ':' && (_pos + 1 >= _s.Length || _s[_pos + 1] is ' ' or '\n'))
                {
                    break;
                }

                if (_s[_pos] == '#' && _s[_pos - 1] == ' ')
                {
                    throw GiveUp;
                }

                _pos++;
            }

            var raw = _s[start.._pos].TrimEnd(' ');
            var resolved = Plain(raw);
            key = resolved switch
            {
                null => throw GiveUp,
                MissingValue => MissingValue.Literal,
                _ => resolved,
            };
        }

        while (_pos < _s.Length && _s[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos >= _s.Length || _s[_pos] != ':')
        {
            throw GiveUp;
        }

        return key;
    }

    // A plain scalar OmegaConf cannot load ('0b_', '=') is an error: the full reader reports it with its position.
    private static object? Plain(string text) => YamlScalarResolver.TryResolvePlain(text, out var value, out _) ? Checked(value) : throw GiveUp;

    // A value with a malformed interpolation is an error at load (as in OmegaConf), reported by the full reader.
    private static object? Checked(object? value) => value is string s && YamlScalarResolver.InterpolationSyntaxError(s) is not null ? throw GiveUp : value;

    private static bool IsIndicator(char c) => c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

    private static object QuotedValue(string text) => text == MissingValue.Literal ? MissingValue.Instance : Checked(text)!;

    private string ReadPlain(bool flow)
    {
        var c = _s[_pos];
        if (IsIndicator(c) && !(c is '-' or ':' or '?' && _pos + 1 < _s.Length && _s[_pos + 1] is not (' ' or '\n' or ',' or ']' or '}')))
        {
            throw GiveUp;
        }

        var start = _pos;
        while (_pos < _s.Length)
        {
            var ch = _s[_pos];
            if (ch == '\n')
            {
                break;
            }

            if (ch == ':' && (_pos + 1 >= _s.Length || _s[_pos + 1] is ' ' or '\n' || (flow && _s[_pos + 1] is ',' or ']' or '}')))
            {
                throw GiveUp; // a mapping inside a plain value: let the full reader decide
            }

            if (ch == '#' && _s[_pos - 1] == ' ')
            {
                break;
            }

            if (flow && ch is ',' or ']' or '}' or '[' or '{' or '?')
            {
                if (ch is '[' or '{' or '?')
                {
                    throw GiveUp;
                }

                break;
            }

            _pos++;
        }

        var text = _s[start.._pos].TrimEnd(' ');
        if (text.Length == 0)
        {
            throw GiveUp;
        }

        // The next line must not continue this scalar (a multi-line plain scalar).
        return text;
    }

    private string ReadQuoted()
    {
        var quote = _s[_pos++];
        StringBuilder? sb = null;
        var start = _pos;
        while (true)
        {
            if (_pos >= _s.Length || _s[_pos] == '\n')
            {
                throw GiveUp; // multi-line quoted scalar
            }

            var ch = _s[_pos];
            if (ch == quote)
            {
                if (quote == '\'' && _pos + 1 < _s.Length && _s[_pos + 1] == '\'')
                {
                    (sb ??= new StringBuilder()).Append(_s, start, _pos - start).Append('\'');
                    _pos += 2;
                    start = _pos;
                    continue;
                }

                var end = _pos++;
                return sb is null ? _s[start..end] : sb.Append(_s, start, end - start).ToString();
            }

            if (quote == '"' && ch == '\\')
            {
                sb ??= new StringBuilder();
                sb.Append(_s, start, _pos - start);
                if (_pos + 1 >= _s.Length)
                {
                    throw GiveUp;
                }

                var esc = _s[_pos + 1];
                _pos += 2;
                switch (esc)
                {
                    case '\\': sb.Append('\\'); break;
                    case '"': sb.Append('"'); break;
                    case '/': sb.Append('/'); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case '0': sb.Append('\0'); break;
                    case 'u' when _pos + 4 <= _s.Length && ushort.TryParse(_s.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u) && !char.IsSurrogate((char)u):
                        sb.Append((char)u);
                        _pos += 4;
                        break;
                    default: throw GiveUp;
                }

                start = _pos;
                continue;
            }

            _pos++;
        }
    }

    private (object? Value, long Size) ParseFlow()
    {
        Enter();
        var open = _s[_pos++];
        var close = open == '[' ? ']' : '}';
        long size = 1;
        var items = open == '[' ? new List<object?>() : null;
        var builder = open == '{' ? new ConfigMappingBuilder() : null;
        SkipInlineSpaces();
        if (Peek() == close)
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                if (builder is not null)
                {
                    var key = Peek() is '\'' or '"' ? QuotedKey() : FlowPlainKey();
                    _pos++; // ':'
                    if (Peek() != ' ')
                    {
                        throw GiveUp;
                    }

                    SkipInlineSpaces();
                    var (v, s) = FlowItem();
                    size += s;
                    if (key is not string)
                    {
                        builder.Set(key, v);
                    }
                    else if (!builder.TryAdd(key, v))
                    {
                        throw GiveUp;
                    }
                }
                else
                {
                    var (v, s) = FlowItem();
                    size += s;
                    items!.Add(v);
                }

                SkipInlineSpaces();
                var ch = Peek();
                if (ch == ',')
                {
                    _pos++;
                    SkipInlineSpaces();
                    if (Peek() == close)
                    {
                        throw GiveUp; // trailing comma: leave it to the full reader
                    }

                    continue;
                }

                if (ch == close)
                {
                    _pos++;
                    break;
                }

                throw GiveUp;
            }
        }

        _depth--;
        _expanded++;
        object value = builder is not null
            ? builder.Build()
            : items!.Count == 0 ? ConfigSequence.Empty : new ConfigSequence([.. items]);
        return (value, size);
    }

    private object QuotedKey()
    {
        var text = ReadQuoted();
        SkipInlineSpaces();
        if (Peek() != ':')
        {
            throw GiveUp;
        }

        return text == MissingValue.Literal ? MissingValue.Literal : text;
    }

    private object FlowPlainKey()
    {
        var c = Peek();
        if (IsIndicator(c) || c is ' ' or '\n' or '\0')
        {
            throw GiveUp;
        }

        var start = _pos;
        while (_pos < _s.Length && _s[_pos] is not (':' or ',' or '}' or ']' or '{' or '[' or '\n' or '#'))
        {
            if (_s[_pos] == '?')
            {
                throw GiveUp; // PyYAML: '?' in a flow collection is a key indicator
            }

            _pos++;
        }

        if (Peek() != ':')
        {
            throw GiveUp;
        }

        var resolved = Plain(_s[start.._pos].TrimEnd(' '));
        return resolved switch
        {
            null => throw GiveUp,
            MissingValue => MissingValue.Literal,
            _ => resolved,
        };
    }

    private (object? Value, long Size) FlowItem()
    {
        var c = Peek();
        return c switch
        {
            '[' or '{' => ParseFlow(),
            '\'' or '"' => Count((QuotedValue(ReadQuoted()), 1)),
            '*' => Count(_anchors.TryGetValue(ReadName(), out var target) ? target : throw GiveUp),
            '&' or '!' or '|' or '>' or '\n' or '\0' or ',' or ']' or '}' => throw GiveUp,
            _ => Count((Plain(ReadPlain(flow: true)), 1)),
        };
    }

    private char Peek() => _pos < _s.Length ? _s[_pos] : '\0';

    private void SkipInlineSpaces()
    {
        while (_pos < _s.Length && _s[_pos] == ' ')
        {
            _pos++;
        }
    }
}
