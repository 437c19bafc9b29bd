using Convertify.Model;

namespace Convertify.Text;

/// <summary>Builds an article description: the first real paragraph, cut at a sentence boundary near 160 characters.</summary>
public static class DescriptionBuilder
{
    /// <summary>Target length in characters (UTF-16 code units are close enough for CJK and Latin text).</summary>
    public const int TargetLength = 160;

    private const int MinimumParagraphCharacters = 10;

    /// <summary>The description of a body, or an empty string when it has no paragraph text.</summary>
    public static string FromBody(IEnumerable<Block> body)
    {
        string? fallback = null;
        foreach (var paragraph in Paragraphs(body))
        {
            var text = Flatten(PlainText.Of(paragraph.Inlines));
            if (text.Length == 0)
            {
                continue;
            }
            fallback ??= text;
            if (TextMetrics.CountCharacters(text) >= MinimumParagraphCharacters)
            {
                return Trim(text);
            }
        }
        return fallback is null ? string.Empty : Trim(fallback);
    }

    /// <summary>Cuts <paramref name="text"/> after the last sentence end within the target length, else at a word boundary with an ellipsis.</summary>
    public static string Trim(string text)
    {
        text = Flatten(text);
        if (text.Length <= TargetLength)
        {
            return text;
        }
        for (var i = TargetLength - 1; i >= TargetLength / 3; i--)
        {
            if (IsSentenceEnd(text, i))
            {
                var end = i + 1;
                while (end < text.Length && end < TargetLength + 2 && text[end] is '”' or '"' or '’' or '」' or '』' or '）' or ')')
                {
                    end++;
                }
                return text[..end].TrimEnd();
            }
        }
        var cut = TargetLength;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }
        if (!CjkText.IsCjk(text[cut]))
        {
            var space = text.LastIndexOf(' ', cut);
            if (space > TargetLength / 2)
            {
                cut = space;
            }
        }
        return text[..cut].TrimEnd() + "…";
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        var c = text[i];
        if (c is '。' or '！' or '？' or '；' or '…')
        {
            return true;
        }
        return c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || CjkText.IsCjk(text[i + 1]))
            && !(c == '.' && i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]));
    }

    private static string Flatten(string text) => PlainText.CollapseWhiteSpace(text);

    private static IEnumerable<ParagraphBlock> Paragraphs(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is ParagraphBlock p)
            {
                yield return p;
            }
        }
    }
}
