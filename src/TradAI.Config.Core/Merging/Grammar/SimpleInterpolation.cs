namespace TradAI.Config.Core.Merging.Grammar;

/// <summary>
/// A hand-written, allocation-free port of OmegaConf 2.2's <c>SIMPLE_INTERPOLATION_PATTERN</c> (grammar_parser.py):
/// text with node interpolations <c>${[.]*key(.key|[key])*}</c> and resolver calls <c>${a.b:arg,arg}</c> over the
/// characters that regex allows. OmegaConf accepts a value it matches without running the grammar.
/// </summary>
internal static class SimpleInterpolation
{
    /// <summary>Whether the whole value matches (it must contain at least one interpolation).</summary>
    public static bool Matches(string s)
    {
        var i = 0;
        var any = false;
        while (i < s.Length)
        {
            if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '{')
            {
                if (!Interpolation(s, ref i))
                {
                    return false;
                }

                any = true;
            }
            else
            {
                i++;
            }
        }

        return any;
    }

    /// <summary>
    /// The parse tree of the commonest values — text without backslashes around plain node references such as
    /// <c>${name}-${a.b[0]}</c> or <c>${..x}</c> — built without the lexer; null for anything else (the full
    /// grammar then decides). It must equal what <see cref="InterpolationParser.ParseFull"/> builds.
    /// </summary>
    public static InterpolationSyntax.Text? TryParseNodeReferences(string s)
    {
        if (s.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = new List<InterpolationSyntax.Part>(2);
        var literalStart = 0;
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] != '$' || i + 1 >= s.Length || s[i + 1] != '{')
            {
                i++;
                continue;
            }

            // ${ [ \t]* path [ \t]* } — only the lexer's own spaces, so the key text is the path as written.
            var p = i + 2;
            while (p < s.Length && s[p] is ' ' or '\t')
            {
                p++;
            }

            var pathStart = p;
            if (!NodePath(s, ref p))
            {
                return null;
            }

            var pathEnd = p;
            while (p < s.Length && s[p] is ' ' or '\t')
            {
                p++;
            }

            if (p >= s.Length || s[p] != '}')
            {
                return null;
            }

            if (i > literalStart)
            {
                parts.Add(new InterpolationSyntax.Literal(s[literalStart..i]));
            }

            parts.Add(new InterpolationSyntax.NodeReference([new InterpolationSyntax.Literal(s[pathStart..pathEnd])]));
            i = literalStart = p + 1;
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (literalStart < s.Length)
        {
            parts.Add(new InterpolationSyntax.Literal(s[literalStart..]));
        }

        return new InterpolationSyntax.Text(parts);
    }

    // \$\{ \s* (node_path | resolver_name? \s* : \s* args?) \s* \}
    private static bool Interpolation(string s, ref int i)
    {
        var start = i + 2;
        var p = SkipSpace(s, start);
        if (NodePath(s, ref p) && Close(s, ref p))
        {
            i = p;
            return true;
        }

        p = SkipSpace(s, start);
        if (Id(s, ref p))
        {
            while (p < s.Length && s[p] == '.')
            {
                var q = p + 1;
                if (!Id(s, ref q))
                {
                    break;
                }

                p = q;
            }
        }

        p = SkipSpace(s, p);
        if (p >= s.Length || s[p] != ':')
        {
            return false;
        }

        p = SkipSpace(s, p + 1);
        if (Arg(s, ref p))
        {
            while (true)
            {
                var q = SkipSpace(s, p);
                if (q >= s.Length || s[q] != ',')
                {
                    break;
                }

                q = SkipSpace(s, q + 1);
                if (!Arg(s, ref q))
                {
                    break;
                }

                p = q;
            }
        }

        if (!Close(s, ref p))
        {
            return false;
        }

        i = p;
        return true;
    }

    private static bool Close(string s, ref int p)
    {
        var q = SkipSpace(s, p);
        if (q < s.Length && s[q] == '}')
        {
            p = q + 1;
            return true;
        }

        return false;
    }

    // (\.)* ([$\w]+ | \[[$\w]+\]) (\.[$\w]+ | \[[$\w]+\])*
    private static bool NodePath(string s, ref int p)
    {
        while (p < s.Length && s[p] == '.')
        {
            p++;
        }

        if (!Key(s, ref p) && !BracketKey(s, ref p))
        {
            return false;
        }

        while (p < s.Length)
        {
            var q = p;
            if (s[q] == '.')
            {
                q++;
                if (!Key(s, ref q))
                {
                    break;
                }
            }
            else if (!BracketKey(s, ref q))
            {
                break;
            }

            p = q;
        }

        return true;
    }

    private static bool BracketKey(string s, ref int p)
    {
        if (p >= s.Length || s[p] != '[')
        {
            return false;
        }

        var q = p + 1;
        if (!Key(s, ref q) || q >= s.Length || s[q] != ']')
        {
            return false;
        }

        p = q + 1;
        return true;
    }

    private static bool Key(string s, ref int p) => Run(s, ref p, static c => c == '$' || IsWord(c));

    private static bool Arg(string s, ref int p) => Run(s, ref p, static c => IsWord(c) || c is '/' or '-' or '+' or '.' or '$' or '%' or '*' or '@' or '?' or '|');

    // [a-zA-Z_]\w*
    private static bool Id(string s, ref int p)
    {
        if (p >= s.Length || !(char.IsAsciiLetter(s[p]) || s[p] == '_'))
        {
            return false;
        }

        p++;
        while (p < s.Length && IsWord(s[p]))
        {
            p++;
        }

        return true;
    }

    private static bool Run(string s, ref int p, Func<char, bool> allowed)
    {
        var q = p;
        while (q < s.Length && allowed(s[q]))
        {
            q++;
        }

        if (q == p)
        {
            return false;
        }

        p = q;
        return true;
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // Python's \s under re.ASCII.
    private static int SkipSpace(string s, int p)
    {
        while (p < s.Length && s[p] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
        {
            p++;
        }

        return p;
    }
}
