using System.Text;
using TradAI.Config.Core.Errors;
using static TradAI.Config.Core.Merging.Grammar.InterpolationSyntax;
using Kind = TradAI.Config.Core.Merging.Grammar.InterpolationTokenKind;

namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>
/// A recursive-descent port of OmegaConf 2.2's interpolation grammar (the <c>configValue</c> rule), so a string is
/// an interpolation, a literal or an error exactly when OmegaConf says so. Unescaping follows OmegaConf's visitor:
/// <c>\${</c> is a literal <c>${</c>, and backslash pairs are halved only before an interpolation (or, in quotes, at
/// the closing quote).
/// </summary>
internal sealed class InterpolationParser
{
    /// <summary>
    /// The deepest nesting of interpolations, quotes, lists and dicts in one value, so this parser and the resolver's
    /// evaluation (both recursive) stay far from the stack's end. OmegaConf has no limit of its own: Python's recursion
    /// limit stops it, at a depth that depends on where the value sits (about 96–98 nested resolver calls, 195 nested
    /// keys); 64 stays below that wherever a value sits in an ordinary config.
    /// </summary>
    internal const int MaxNesting = 64;

    private readonly List<InterpolationToken> _tokens;
    private readonly string _source;
    private int _pos;
    private int _depth;

    private InterpolationParser(List<InterpolationToken> tokens, string source)
    {
        _tokens = tokens;
        _source = source;
    }

    /// <summary>Parses a whole config value (a string containing <c>${</c>).</summary>
    /// <exception cref="InterpolationSyntaxException">OmegaConf's grammar rejects the string.</exception>
    public static Text Parse(string value) => SimpleInterpolation.TryParseNodeReferences(value) ?? ParseFull(value);

    /// <summary>The full grammar, without the shortcut for plain node references (the tests compare the two).</summary>
    internal static Text ParseFull(string value)
    {
        var parser = new InterpolationParser(InterpolationLexer.Tokenize(value), value);
        var text = parser.ParseText();
        if (text is null || parser._pos != parser._tokens.Count)
        {
            throw parser.Error();
        }

        return text;
    }

    /// <summary>
    /// OmegaConf's load-time check of a value: its cheap <c>SIMPLE_INTERPOLATION_PATTERN</c> first (typical
    /// <c>${a.b}</c> and <c>${oc.env:X,y}</c> shapes), the full grammar only when that does not match. Null when valid.
    /// </summary>
    public static string? Validate(string value)
    {
        if (SimpleInterpolation.Matches(value))
        {
            return null;
        }

        try
        {
            Parse(value);
            return null;
        }
        catch (InterpolationSyntaxException ex)
        {
            return ex.Message;
        }
    }

    private Kind? Peek(int ahead = 0) => _pos + ahead < _tokens.Count ? _tokens[_pos + ahead].Kind : null;

    private InterpolationToken Take() => _tokens[_pos++];

    private void Expect(Kind kind)
    {
        if (Peek() != kind)
        {
            throw Error();
        }

        _pos++;
    }

    private void Enter()
    {
        if (++_depth > MaxNesting)
        {
            throw new InterpolationSyntaxException($"'{InputSanitizer.Sanitize(_source.Length > 40 ? _source[..40] + "…" : _source)}' nests interpolations, quotes, lists or dicts more than {MaxNesting} levels deep");
        }
    }

    private InterpolationSyntaxException Error()
    {
        var at = _pos < _tokens.Count ? $"input '{InputSanitizer.Sanitize(_tokens[_pos].Text)}'" : "end of input";
        return new InterpolationSyntaxException($"'{InputSanitizer.Sanitize(_source)}' is not a valid interpolation (unexpected {at})");
    }

    // text: (interpolation | ANY_STR | ESC | ESC_INTER | TOP_ESC | QUOTED_ESC)+ ; null when empty.
    // Unescaping looks one token ahead, as OmegaConf's visitor does: is the next child an interpolation, or none?
    private Text? ParseText()
    {
        var parts = new List<Part>();
        string? literal = null;
        StringBuilder? longer = null;
        while (Peek() is { } k)
        {
            if (k == Kind.InterOpen)
            {
                Flush();
                parts.Add(ParseInterpolation());
                continue;
            }

            if (!IsText(k))
            {
                break;
            }

            var token = Take();
            var next = Peek();
            var beforeInterpolation = next == Kind.InterOpen;
            var last = next is not { } n || !(IsText(n) || n == Kind.InterOpen);
            var piece = token.Kind switch
            {
                // '\\\${' -> '\${': keep the last len/2+1 characters.
                Kind.EscInter => token.Source.Substring(token.Start + token.Length - ((token.Length / 2) + 1), (token.Length / 2) + 1),
                Kind.Esc => EveryOther(token.Text),
                Kind.TopEsc when beforeInterpolation => EveryOther(token.Text),
                Kind.QuotedEsc when beforeInterpolation || last => EveryOther(token.Text),
                _ => token.Text,
            };
            if (literal is null)
            {
                literal = piece;
            }
            else
            {
                (longer ??= new StringBuilder().Append(literal)).Append(piece);
            }
        }

        Flush();
        return parts.Count == 0 ? null : new Text(parts);

        void Flush()
        {
            if (literal is not null)
            {
                parts.Add(new Literal(longer?.ToString() ?? literal));
                literal = null;
                longer = null;
            }
        }
    }

    private static bool IsText(Kind k) => k is Kind.AnyStr or Kind.Esc or Kind.EscInter or Kind.TopEsc or Kind.QuotedEsc;

    /// <summary>Python's <c>text[1::2]</c>: the escaped characters of an escape run.</summary>
    internal static string EveryOther(string text)
    {
        var sb = new StringBuilder(text.Length / 2);
        for (var i = 1; i < text.Length; i += 2)
        {
            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    // interpolation: interpolationNode | interpolationResolver (both open with INTER_OPEN; a COLON after the name decides).
    private Interpolation ParseInterpolation()
    {
        Expect(Kind.InterOpen);
        Enter();
        var start = _pos;
        if (MayBeResolverCall() && TryParseResolverName(out var name) && Peek() == Kind.Colon)
        {
            _pos++;
            var args = Peek() == Kind.BraceClose ? [] : ParseSequence();
            Expect(Kind.BraceClose);
            _depth--;
            return new ResolverCall(name, args);
        }

        _pos = start;
        var node = ParseNodeReference();
        _depth--;
        return node;
    }

    // A cheap look ahead: a plain dotted name followed by ':' (or a name with nested interpolations, tried fully).
    private bool MayBeResolverCall()
    {
        for (var i = _pos; i < _tokens.Count; i++)
        {
            switch (_tokens[i].Kind)
            {
                case Kind.Id or Kind.Dot:
                    continue;
                case Kind.Colon or Kind.InterOpen:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    // resolverName: (interpolation | ID) (DOT (interpolation | ID))*
    // A name of IDs only (oc.env, the usual case) comes back as one literal, cut from the source in one piece.
    private bool TryParseResolverName(out List<Part> name)
    {
        var end = _pos;
        while (end + 2 < _tokens.Count && _tokens[end].Kind == Kind.Id && _tokens[end + 1].Kind == Kind.Dot && _tokens[end + 2].Kind == Kind.Id)
        {
            end += 2;
        }

        if (end < _tokens.Count && _tokens[end].Kind == Kind.Id && (end + 1 >= _tokens.Count || _tokens[end + 1].Kind != Kind.Dot))
        {
            var from = _tokens[_pos].Start;
            name = [new Literal(_source.Substring(from, _tokens[end].Start + _tokens[end].Length - from))];
            _pos = end + 1;
            return true;
        }

        name = [];
        while (true)
        {
            switch (Peek())
            {
                case Kind.Id:
                    name.Add(new Literal(Take().Text));
                    break;
                case Kind.InterOpen:
                    name.Add(ParseInterpolation());
                    break;
                default:
                    return false;
            }

            if (Peek() != Kind.Dot || Peek(1) is not (Kind.Id or Kind.InterOpen))
            {
                return true;
            }

            _pos++;
        }
    }

    // interpolationNode: INTER_OPEN DOT* (configKey | [configKey]) (DOT configKey | [configKey])* INTER_CLOSE
    private NodeReference ParseNodeReference()
    {
        var key = new List<Part>();
        while (Peek() == Kind.Dot)
        {
            key.Add(new Literal(Take().Text));
        }

        ParseKeyStep(key, allowDot: false);
        while (Peek() is Kind.Dot or Kind.BracketOpen)
        {
            ParseKeyStep(key, allowDot: true);
        }

        Expect(Kind.InterClose);
        return new NodeReference(Coalesce(key));
    }

    // Joins neighbouring literal pieces of a key path (the usual ${a.b} becomes one literal "a.b").
    private static List<Part> Coalesce(List<Part> key)
    {
        if (key.Count == 1)
        {
            return key;
        }

        var joined = new List<Part>(key.Count);
        foreach (var part in key)
        {
            if (part is Literal l && joined.Count > 0 && joined[^1] is Literal previous)
            {
                joined[^1] = new Literal(previous.Value + l.Value);
            }
            else
            {
                joined.Add(part);
            }
        }

        return joined;
    }

    private void ParseKeyStep(List<Part> key, bool allowDot)
    {
        if (Peek() == Kind.BracketOpen)
        {
            key.Add(new Literal(Take().Text));
            key.Add(ParseConfigKey());
            if (Peek() != Kind.BracketClose)
            {
                throw Error();
            }

            key.Add(new Literal(Take().Text));
            return;
        }

        if (allowDot)
        {
            Expect(Kind.Dot);
            key.Add(new Literal("."));
        }

        key.Add(ParseConfigKey());
    }

    // configKey: interpolation | ID | INTER_KEY
    private Part ParseConfigKey() => Peek() switch
    {
        Kind.InterOpen => ParseInterpolation(),
        Kind.Id or Kind.InterKey => new Literal(Take().Text),
        _ => throw Error(),
    };

    // sequence: (element (COMMA element?)*) | (COMMA element?)+ — a missing element is the empty string.
    private List<Element> ParseSequence()
    {
        var items = new List<Element>();
        var afterComma = true;
        while (true)
        {
            if (Peek() == Kind.Comma)
            {
                if (afterComma)
                {
                    items.Add(new Quoted(null));
                }

                _pos++;
                afterComma = true;
            }
            else if (afterComma && StartsElement(Peek()))
            {
                items.Add(ParseElement());
                afterComma = false;
            }
            else
            {
                break;
            }
        }

        if (afterComma)
        {
            items.Add(new Quoted(null));
        }

        return items;
    }

    private static bool StartsElement(Kind? k) => k is Kind.QuoteOpenSingle or Kind.QuoteOpenDouble or Kind.BracketOpen or Kind.BraceOpen || IsPrimitive(k, allowColon: true);

    private static bool IsPrimitive(Kind? k, bool allowColon) =>
        k is Kind.Id or Kind.Null or Kind.Int or Kind.Float or Kind.Bool or Kind.UnquotedChar or Kind.Esc or Kind.Ws or Kind.InterOpen
        || (allowColon && k == Kind.Colon);

    // element: primitive | quotedValue | listContainer | dictContainer
    private Element ParseElement()
    {
        switch (Peek())
        {
            case Kind.QuoteOpenSingle or Kind.QuoteOpenDouble:
                _pos++;
                Enter();
                var content = ParseText();
                Expect(Kind.MatchingQuoteClose);
                _depth--;
                return new Quoted(content);
            case Kind.BracketOpen:
                _pos++;
                Enter();
                var items = Peek() == Kind.BracketClose ? [] : ParseSequence();
                Expect(Kind.BracketClose);
                _depth--;
                return new ListLiteral(items);
            case Kind.BraceOpen:
                _pos++;
                Enter();
                var entries = new List<(Primitive, Element)>();
                if (Peek() != Kind.BraceClose)
                {
                    while (true)
                    {
                        var key = ParsePrimitive(dictKey: true);
                        Expect(Kind.Colon);
                        entries.Add((key, ParseElement()));
                        if (Peek() != Kind.Comma)
                        {
                            break;
                        }

                        _pos++;
                    }
                }

                Expect(Kind.BraceClose);
                _depth--;
                return new DictLiteral(entries);
            default:
                return ParsePrimitive(dictKey: false);
        }
    }

    // primitive: (ID | NULL | INT | FLOAT | BOOL | UNQUOTED_CHAR | COLON | ESC | WS | interpolation)+
    // dictKey: the same without COLON and interpolations.
    private Primitive ParsePrimitive(bool dictKey)
    {
        var parts = new List<PrimitivePart>();
        while (IsPrimitive(Peek(), allowColon: !dictKey) && !(dictKey && Peek() == Kind.InterOpen))
        {
            if (Peek() == Kind.InterOpen)
            {
                parts.Add(new PrimitivePart(Kind.InterOpen, string.Empty, ParseInterpolation()));
            }
            else
            {
                var t = Take();
                parts.Add(new PrimitivePart(t.Kind, t.Text));
            }
        }

        if (parts.Count == 0)
        {
            throw Error();
        }

        return new Primitive(parts);
    }
}
