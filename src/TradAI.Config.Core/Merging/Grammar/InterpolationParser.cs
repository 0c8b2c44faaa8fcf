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
    private readonly List<InterpolationToken> _tokens;
    private readonly string _source;
    private int _pos;

    private InterpolationParser(List<InterpolationToken> tokens, string source)
    {
        _tokens = tokens;
        _source = source;
    }

    /// <summary>Parses a whole config value (a string containing <c>${</c>).</summary>
    /// <exception cref="InterpolationSyntaxException">OmegaConf's grammar rejects the string.</exception>
    public static Text Parse(string value)
    {
        var parser = new InterpolationParser(InterpolationLexer.Tokenize(value), value);
        var text = parser.ParseText();
        if (text is null || parser._pos != parser._tokens.Count)
        {
            throw parser.Error();
        }

        return text;
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

    private InterpolationSyntaxException Error()
    {
        var at = _pos < _tokens.Count ? $"input '{InputSanitizer.Sanitize(_tokens[_pos].Text)}'" : "end of input";
        return new InterpolationSyntaxException($"'{InputSanitizer.Sanitize(_source)}' is not a valid interpolation (unexpected {at})");
    }

    // text: (interpolation | ANY_STR | ESC | ESC_INTER | TOP_ESC | QUOTED_ESC)+ ; null when empty.
    private Text? ParseText()
    {
        var raw = new List<object>(); // InterpolationToken or Interpolation, for the unescaping pass
        while (Peek() is { } k)
        {
            if (k == Kind.InterOpen)
            {
                raw.Add(ParseInterpolation());
            }
            else if (k is Kind.AnyStr or Kind.Esc or Kind.EscInter or Kind.TopEsc or Kind.QuotedEsc)
            {
                raw.Add(Take());
            }
            else
            {
                break;
            }
        }

        if (raw.Count == 0)
        {
            return null;
        }

        var parts = new List<Part>(raw.Count);
        var literal = new StringBuilder();
        for (var i = 0; i < raw.Count; i++)
        {
            if (raw[i] is Interpolation interpolation)
            {
                Flush();
                parts.Add(interpolation);
                continue;
            }

            var token = (InterpolationToken)raw[i];
            var next = i + 1 < raw.Count ? raw[i + 1] : null;
            literal.Append(token.Kind switch
            {
                // '\\\${' -> '\${': keep the last len/2+1 characters.
                Kind.EscInter => token.Text[^((token.Text.Length / 2) + 1)..],
                Kind.Esc => EveryOther(token.Text),
                Kind.TopEsc when next is Interpolation => EveryOther(token.Text),
                Kind.QuotedEsc when next is null or Interpolation => EveryOther(token.Text),
                _ => token.Text,
            });
        }

        Flush();
        return new Text(parts);

        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new Literal(literal.ToString()));
                literal.Clear();
            }
        }
    }

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
        var start = _pos;
        if (TryParseResolverName(out var name) && Peek() == Kind.Colon)
        {
            _pos++;
            var args = Peek() == Kind.BraceClose ? [] : ParseSequence();
            Expect(Kind.BraceClose);
            return new ResolverCall(name, args);
        }

        _pos = start;
        return ParseNodeReference();
    }

    // resolverName: (interpolation | ID) (DOT (interpolation | ID))*
    private bool TryParseResolverName(out List<Part> name)
    {
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
        return new NodeReference(key);
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
                var content = ParseText();
                Expect(Kind.MatchingQuoteClose);
                return new Quoted(content);
            case Kind.BracketOpen:
                _pos++;
                var items = Peek() == Kind.BracketClose ? [] : ParseSequence();
                Expect(Kind.BracketClose);
                return new ListLiteral(items);
            case Kind.BraceOpen:
                _pos++;
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
