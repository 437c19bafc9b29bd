using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Markdown.Tests.Support;

/// <summary>The model-side counterpart of <see cref="MarkdigText.StyledChars"/>.</summary>
internal static class ModelText
{
    public static List<(char Char, string Style)> StyledChars(ImmutableArray<Inline> inlines, string style = "")
    {
        var result = new List<(char, string)>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    foreach (var c in t.Text) result.Add((c, style));
                    break;
                case StrongInline s:
                    result.AddRange(StyledChars(s.Inlines, MarkdigText.Normalise(style + "S")));
                    break;
                case EmphasisInline e:
                    result.AddRange(StyledChars(e.Inlines, MarkdigText.Normalise(style + "E")));
                    break;
                case LinkInline l:
                    result.AddRange(StyledChars(l.Inlines, MarkdigText.Normalise(style + "L")));
                    break;
                case LineBreakInline:
                    result.Add(('\n', style));
                    break;
            }
        }
        return result;
    }
}
