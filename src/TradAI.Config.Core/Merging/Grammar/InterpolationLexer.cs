using TradAI.Config.Core.Errors;

namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>
/// A port of OmegaConf 2.2's ANTLR lexer (OmegaConfGrammarLexer.g4): five modes on a stack, and at each position the
/// longest match among the current mode's rules, the earlier rule winning a tie — so <c>true</c> is a BOOL not an ID,
/// <c>inf</c> a FLOAT, and <c>0x1F</c> the INT <c>0</c> then the ID <c>x1F</c>, exactly as OmegaConf sees them.
/// </summary>
internal sealed class InterpolationLexer
{
    private enum Mode
    {
        TopLevel,
        Value,
        Interpolation,
        QuotedSingle,
        QuotedDouble,
    }

    private enum Action
    {
        None,
        PushInterpolation,
        PushValue,
        PushQuotedSingle,
        PushQuotedDouble,
        Pop,
        SwitchToValue,
    }

    private readonly string _s;
    private Stack<Mode>? _stack;
    private Mode _mode = Mode.TopLevel;
    private int _pos;

    private InterpolationLexer(string text)
    {
        _s = text;
    }

    /// <summary>Tokenizes a config value (the lexer's default mode).</summary>
    /// <exception cref="InterpolationSyntaxException">A character no rule accepts, or a closing token with nothing open.</exception>
    public static List<InterpolationToken> Tokenize(string text)
    {
        var lexer = new InterpolationLexer(text);
        var tokens = new List<InterpolationToken>(8);
        while (lexer._pos < text.Length)
        {
            tokens.Add(lexer.Next());
        }

        return tokens;
    }

    // The parser's wording, so every syntax error names the value (sanitized: it is user input) and what went wrong.
    private InterpolationSyntaxException Invalid(string why) =>
        new($"'{InputSanitizer.Sanitize(_s.Length > 40 ? _s[..40] + "…" : _s)}' is not a valid interpolation ({why})");

    private InterpolationToken Next()
    {
        var (length, kind, action) = _mode switch
        {
            Mode.TopLevel => TopLevel(),
            Mode.Interpolation => InInterpolation(),
            Mode.Value => InValue(),
            _ => Quoted(_mode == Mode.QuotedSingle ? '\'' : '"'),
        };
        if (length == 0)
        {
            throw Invalid($"token recognition error at: '{InputSanitizer.Sanitize(_s.Substring(_pos, char.IsHighSurrogate(_s[_pos]) && _pos + 1 < _s.Length ? 2 : 1))}'");
        }

        var token = new InterpolationToken(kind, _s, _pos, length);
        _pos += length;
        switch (action)
        {
            case Action.PushInterpolation: Push(Mode.Interpolation); break;
            case Action.PushValue: Push(Mode.Value); break;
            case Action.PushQuotedSingle: Push(Mode.QuotedSingle); break;
            case Action.PushQuotedDouble: Push(Mode.QuotedDouble); break;
            case Action.SwitchToValue: _mode = Mode.Value; break;
            case Action.Pop:
                if (_stack is not { Count: > 0 })
                {
                    throw Invalid("a closing token with nothing open");
                }

                _mode = _stack.Pop();
                break;
        }

        return token;
    }

    private void Push(Mode mode)
    {
        (_stack ??= new Stack<Mode>(4)).Push(_mode);
        _mode = mode;
    }

    // The best of the candidates: longest first, then rule order (the order of the calls).
    private struct Best
    {
        public int Length;
        public InterpolationTokenKind Kind;
        public Action Action;

        public void Offer(int length, InterpolationTokenKind kind, Action action = Action.None)
        {
            if (length > Length)
            {
                Length = length;
                Kind = kind;
                Action = action;
            }
        }

        public readonly (int, InterpolationTokenKind, Action) Result => (Length, Kind, Action);
    }

    private (int, InterpolationTokenKind, Action) TopLevel()
    {
        var best = default(Best);
        best.Offer(InterOpen(_pos), InterpolationTokenKind.InterOpen, Action.PushInterpolation);
        best.Offer(Text(_pos, '$', '$'), InterpolationTokenKind.AnyStr);
        best.Offer(EscapedInterpolation(_pos), InterpolationTokenKind.EscInter);
        var r = Backslashes(_pos);
        best.Offer(r - (r % 2), InterpolationTokenKind.TopEsc);
        best.Offer(r, InterpolationTokenKind.AnyStr);
        best.Offer(At(_pos) == '$' ? 1 : 0, InterpolationTokenKind.AnyStr);
        return best.Result;
    }

    private (int, InterpolationTokenKind, Action) InInterpolation()
    {
        var best = default(Best);
        best.Offer(InterOpen(_pos), InterpolationTokenKind.InterOpen, Action.PushInterpolation);
        best.Offer(WsCharWs(_pos, ':'), InterpolationTokenKind.Colon, Action.SwitchToValue);
        best.Offer(WsChar(_pos, '}'), InterpolationTokenKind.InterClose, Action.Pop);
        best.Offer(At(_pos) == '.' ? 1 : 0, InterpolationTokenKind.Dot);
        best.Offer(At(_pos) == '[' ? 1 : 0, InterpolationTokenKind.BracketOpen);
        best.Offer(At(_pos) == ']' ? 1 : 0, InterpolationTokenKind.BracketClose);
        best.Offer(Id(_pos), InterpolationTokenKind.Id);
        var i = _pos;
        while (i < _s.Length && _s[i] is not ('\\' or '{' or '}' or '(' or ')' or '[' or ']' or ':' or '.' or ' ' or '\t' or '\'' or '"'))
        {
            i++;
        }

        best.Offer(i - _pos, InterpolationTokenKind.InterKey);
        return best.Result;
    }

    private (int, InterpolationTokenKind, Action) InValue()
    {
        var best = default(Best);
        var c = At(_pos);
        best.Offer(InterOpen(_pos), InterpolationTokenKind.InterOpen, Action.PushInterpolation);
        best.Offer(c == '{' ? 1 + Ws(_pos + 1) : 0, InterpolationTokenKind.BraceOpen, Action.PushValue);
        best.Offer(WsChar(_pos, '}'), InterpolationTokenKind.BraceClose, Action.Pop);
        best.Offer(c == '\'' ? 1 : 0, InterpolationTokenKind.QuoteOpenSingle, Action.PushQuotedSingle);
        best.Offer(c == '"' ? 1 : 0, InterpolationTokenKind.QuoteOpenDouble, Action.PushQuotedDouble);
        best.Offer(WsCharWs(_pos, ','), InterpolationTokenKind.Comma);
        best.Offer(c == '[' ? 1 + Ws(_pos + 1) : 0, InterpolationTokenKind.BracketOpen);
        best.Offer(WsChar(_pos, ']'), InterpolationTokenKind.BracketClose);
        best.Offer(WsCharWs(_pos, ':'), InterpolationTokenKind.Colon);
        if (c is (>= '0' and <= '9') or '+' or '-' or '.' or 'i' or 'I' or 'n' or 'N')
        {
            best.Offer(FloatLength(_pos), InterpolationTokenKind.Float);
            best.Offer(IntLength(_pos), InterpolationTokenKind.Int);
        }

        best.Offer(Word(_pos, "true") ? 4 : Word(_pos, "false") ? 5 : 0, InterpolationTokenKind.Bool);
        best.Offer(Word(_pos, "null") ? 4 : 0, InterpolationTokenKind.Null);
        best.Offer(c is '/' or '-' or '\\' or '+' or '.' or '$' or '%' or '*' or '@' or '?' or '|' ? 1 : 0, InterpolationTokenKind.UnquotedChar);
        best.Offer(Id(_pos), InterpolationTokenKind.Id);
        var e = _pos;
        while (At(e) == '\\' && At(e + 1) is '\\' or '(' or ')' or '[' or ']' or '{' or '}' or ':' or '=' or ',' or ' ' or '\t')
        {
            e += 2;
        }

        best.Offer(e - _pos, InterpolationTokenKind.Esc);
        best.Offer(Ws(_pos), InterpolationTokenKind.Ws);
        return best.Result;
    }

    private (int, InterpolationTokenKind, Action) Quoted(char quote)
    {
        var best = default(Best);
        best.Offer(InterOpen(_pos), InterpolationTokenKind.InterOpen, Action.PushInterpolation);
        best.Offer(At(_pos) == quote ? 1 : 0, InterpolationTokenKind.MatchingQuoteClose, Action.Pop);
        best.Offer(Text(_pos, quote, '$'), InterpolationTokenKind.AnyStr);
        best.Offer(EscapedInterpolation(_pos), InterpolationTokenKind.EscInter);
        var r = Backslashes(_pos);
        best.Offer(r % 2 == 1 && At(_pos + r) == quote ? r + 1 : 0, InterpolationTokenKind.Esc);
        best.Offer(r - (r % 2), InterpolationTokenKind.QuotedEsc);
        best.Offer(r, InterpolationTokenKind.AnyStr);
        best.Offer(At(_pos) == '$' ? 1 : 0, InterpolationTokenKind.AnyStr);
        return best.Result;
    }

    private char At(int i) => i < _s.Length ? _s[i] : '\0';

    private int Ws(int p)
    {
        var i = p;
        while (i < _s.Length && _s[i] is ' ' or '\t')
        {
            i++;
        }

        return i - p;
    }

    // '${' WS?
    private int InterOpen(int p) => At(p) == '$' && At(p + 1) == '{' ? 2 + Ws(p + 2) : 0;

    // WS? c
    private int WsChar(int p, char c)
    {
        var q = p + Ws(p);
        return At(q) == c ? q + 1 - p : 0;
    }

    // WS? c WS?
    private int WsCharWs(int p, char c)
    {
        var q = p + Ws(p);
        return At(q) == c ? q + 1 + Ws(q + 1) - p : 0;
    }

    // ~[stop1 stop2]* ~[\\ stop1 stop2]: a run without the stop characters that does not end with a backslash.
    private int Text(int p, char stop1, char stop2)
    {
        var j = p;
        while (j < _s.Length && _s[j] != stop1 && _s[j] != stop2)
        {
            j++;
        }

        while (j > p && _s[j - 1] == '\\')
        {
            j--;
        }

        return j - p;
    }

    private int Backslashes(int p)
    {
        var i = p;
        while (i < _s.Length && _s[i] == '\\')
        {
            i++;
        }

        return i - p;
    }

    // ESC_BACKSLASH* '\${': an odd run of backslashes followed by '${'.
    private int EscapedInterpolation(int p)
    {
        var r = Backslashes(p);
        return r % 2 == 1 && At(p + r) == '$' && At(p + r + 1) == '{' ? r + 2 : 0;
    }

    private int Id(int p)
    {
        if (!(char.IsAsciiLetter(At(p)) || At(p) == '_'))
        {
            return 0;
        }

        var i = p + 1;
        while (char.IsAsciiLetterOrDigit(At(i)) || At(i) == '_')
        {
            i++;
        }

        return i - p;
    }

    private bool Word(int p, string word) =>
        p + word.Length <= _s.Length && string.Compare(_s, p, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    // INT: [+-]? INT_UNSIGNED
    private int IntLength(int p)
    {
        var q = At(p) is '+' or '-' ? p + 1 : p;
        var ends = IntUnsignedEnds(q);
        return ends.Count == 0 ? 0 : ends[^1] - p;
    }

    // FLOAT: [+-]? (POINT_FLOAT | EXPONENT_FLOAT | [Ii][Nn][Ff] | [Nn][Aa][Nn]), longest match.
    private int FloatLength(int p)
    {
        var q = At(p) is '+' or '-' ? p + 1 : p;
        var end = -1;
        foreach (var e in PointFloatEnds(q))
        {
            end = Math.Max(end, e);
        }

        foreach (var e in ExponentFloatEnds(q))
        {
            end = Math.Max(end, e);
        }

        if (Word(q, "inf") || Word(q, "nan"))
        {
            end = Math.Max(end, q + 3);
        }

        return end < 0 ? 0 : end - p;
    }

    // INT_UNSIGNED: '0' | [1-9] (('_')? DIGIT)* — every position where a match can end.
    private List<int> IntUnsignedEnds(int p)
    {
        var ends = new List<int>();
        if (At(p) == '0')
        {
            ends.Add(p + 1);
        }
        else if (At(p) is >= '1' and <= '9')
        {
            ends.AddRange(DigitChainEnds(p));
        }

        return ends;
    }

    // DIGIT (('_')? DIGIT)*
    private List<int> DigitChainEnds(int p)
    {
        var ends = new List<int>();
        if (!char.IsAsciiDigit(At(p)))
        {
            return ends;
        }

        var q = p + 1;
        ends.Add(q);
        while (true)
        {
            if (char.IsAsciiDigit(At(q)))
            {
                q++;
            }
            else if (At(q) == '_' && char.IsAsciiDigit(At(q + 1)))
            {
                q += 2;
            }
            else
            {
                break;
            }

            ends.Add(q);
        }

        return ends;
    }

    // POINT_FLOAT: INT_UNSIGNED '.' | INT_UNSIGNED? '.' DIGIT (('_')? DIGIT)*
    private List<int> PointFloatEnds(int p)
    {
        var ends = new List<int>();
        var ints = IntUnsignedEnds(p);
        foreach (var e in ints)
        {
            if (At(e) == '.')
            {
                ends.Add(e + 1);
            }
        }

        foreach (var start in ints.Prepend(p))
        {
            if (At(start) == '.')
            {
                ends.AddRange(DigitChainEnds(start + 1));
            }
        }

        return ends;
    }

    // EXPONENT_FLOAT: (INT_UNSIGNED | POINT_FLOAT) [eE] [+-]? DIGIT (('_')? DIGIT)*
    private List<int> ExponentFloatEnds(int p)
    {
        var ends = new List<int>();
        foreach (var b in IntUnsignedEnds(p).Concat(PointFloatEnds(p)))
        {
            if (At(b) is 'e' or 'E')
            {
                var q = At(b + 1) is '+' or '-' ? b + 2 : b + 1;
                ends.AddRange(DigitChainEnds(q));
            }
        }

        return ends;
    }
}
