using System.Buffers;

namespace TradAI.Config.Core.Tree;

/// <summary>
/// Characters where PyYAML (so OmegaConf) and YamlDotNet read YAML differently; this project's readers follow PyYAML.
/// It refuses non-printable characters anywhere in the stream (C0 controls but tab, LF and CR; DEL; C1 controls but
/// NEL; U+FFFE, U+FFFF; unpaired surrogates) and lets a tab appear only inside quoted and block scalars and comments,
/// never between tokens.
/// </summary>
internal static class YamlCharacters
{
    private static readonly SearchValues<char> NonPrintableBmp = SearchValues.Create(NonPrintableBmpChars());

    /// <summary>The index of the first character PyYAML's reader refuses, or -1.</summary>
    public static int IndexOfNonPrintable(ReadOnlySpan<char> text)
    {
        var found = text.IndexOfAny(NonPrintableBmp);
        var end = found < 0 ? text.Length : found;
        var surrogate = text[..end].IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0)
        {
            return found;
        }

        for (var i = surrogate; i < end; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return found;
    }

    /// <summary>How a refused character is named in a message (never the character itself).</summary>
    public static string Name(char c) => $"U+{(int)c:X4}";

    /// <summary>The 1-based line and column of <paramref name="index"/>, as YamlDotNet's marks count them.</summary>
    public static (long Line, long Column) Position(string text, int index)
    {
        var span = text.AsSpan(0, index);
        var lineStart = span.LastIndexOf('\n') + 1;
        return (span.Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>
    /// The index of the first tab PyYAML's scanner refuses, or -1: every tab outside <paramref name="scalars"/> (the
    /// quoted and block scalars of the document, in document order, from YamlDotNet's marks) and outside comments; in a
    /// block scalar, a tab within the indentation of its content lines.
    /// </summary>
    public static int IndexOfRefusedTab(string text, IReadOnlyList<(int Start, int End, bool Block)> scalars)
    {
        for (var tab = text.IndexOf('\t', StringComparison.Ordinal); tab >= 0; tab = text.IndexOf('\t', tab + 1))
        {
            var lineStart = tab == 0 ? 0 : text.LastIndexOf('\n', tab - 1) + 1;
            var inside = Enclosing(scalars, tab);
            if (inside is { Block: false })
            {
                continue;
            }

            // In a block scalar's content, a tab is text unless it indents; on its header line, only a comment may hold one.
            var content = inside is { } block ? text.IndexOf('\n', block.Start) : -1;
            if (content >= 0 && tab > content)
            {
                if (InIndentation(text, content + 1, lineStart, tab))
                {
                    return tab;
                }

                continue;
            }

            if (!InComment(text, scalars, lineStart, tab))
            {
                return tab;
            }
        }

        return -1;
    }

    // The scalar whose extent holds 'index' (extents are in document order and do not overlap).
    private static (int Start, int End, bool Block)? Enclosing(IReadOnlyList<(int Start, int End, bool Block)> scalars, int index)
    {
        int lo = 0, hi = scalars.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (scalars[mid].End <= index)
            {
                lo = mid + 1;
            }
            else if (scalars[mid].Start > index)
            {
                hi = mid - 1;
            }
            else
            {
                return scalars[mid];
            }
        }

        return null;
    }

    // A tab in a block scalar's line is indentation when only spaces precede it and fewer than the content's indent
    // (the leading spaces of its first non-blank line).
    private static bool InIndentation(string text, int contentStart, int lineStart, int tab)
    {
        if (text.AsSpan(lineStart, tab - lineStart).ContainsAnyExcept(' '))
        {
            return false;
        }

        var indent = 0;
        for (var line = contentStart; line < text.Length;)
        {
            var spaces = text.AsSpan(line).IndexOfAnyExcept(' ');
            if (spaces < 0)
            {
                break;
            }

            if (text[line + spaces] != '\n')
            {
                indent = spaces;
                break;
            }

            line += spaces + 1;
        }

        return tab - lineStart < Math.Max(indent, 1);
    }

    // Whether a '#' that starts a comment (at the start of the line or after white space, outside quoted scalars; a
    // block scalar's header line may end in one) comes before 'tab' on its line.
    private static bool InComment(string text, IReadOnlyList<(int Start, int End, bool Block)> scalars, int lineStart, int tab)
    {
        for (var i = text.IndexOf('#', lineStart, tab - lineStart); i >= 0; i = text.IndexOf('#', i + 1, tab - i - 1))
        {
            if ((i == lineStart || text[i - 1] is ' ' or '\t') && Enclosing(scalars, i) is not { Block: false })
            {
                return true;
            }

            if (i + 1 >= tab)
            {
                break;
            }
        }

        return false;
    }

    private static string NonPrintableBmpChars()
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                chars.Add(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            if (c != '\u0085')
            {
                chars.Add(c);
            }
        }

        chars.Add('\uFFFE');
        chars.Add('\uFFFF');
        return new string([.. chars]);
    }
}
