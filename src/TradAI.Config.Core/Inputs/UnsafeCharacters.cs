using System.Globalization;

namespace TradAI.Config.Core.Inputs;

/// <summary>
/// Characters that are invisible or rewrite how surrounding text is shown: controls (C0, C1, DEL), format characters
/// (bidi overrides such as U+202E, zero-width characters, the BOM, soft hyphen), line and paragraph separators and
/// lone surrogates. Names refuse them and messages never print them, so what a user sees is what is there.
/// </summary>
public static class UnsafeCharacters
{
    /// <summary>Whether <paramref name="c"/> is unsafe on its own (a surrogate is judged with its pair by <see cref="IndexOfUnsafe"/>).</summary>
    public static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The index of the first unsafe character or lone surrogate in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral format characters (e.g. U+E0001 LANGUAGE TAG) count too.
                if (CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1])) == UnicodeCategory.Format)
                {
                    return i;
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }
}
