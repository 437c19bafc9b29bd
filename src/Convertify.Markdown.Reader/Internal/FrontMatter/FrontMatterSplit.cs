namespace Convertify.Markdown.Reader.Internal.FrontMatter;

/// <summary>A Markdown file cut at its front matter fences.</summary>
/// <param name="Yaml">The text between the fences; null when the file has no front matter.</param>
/// <param name="YamlFirstLine">The file's line number (1-based) of the first YAML line.</param>
/// <param name="Body">The Markdown after the closing fence (the whole text when there is no front matter).</param>
internal readonly record struct FrontMatterSplit(string? Yaml, int YamlFirstLine, string Body)
{
    /// <summary>Whether the text opens with a fence line: <c>---</c>, optionally followed by spaces or tabs.</summary>
    public static bool OpensWithFence(ReadOnlySpan<char> text) => FenceLength(text) > 0;

    /// <summary>
    /// Cuts <paramref name="text"/> (without a byte order mark). The closing fence is a <c>---</c> or <c>...</c> line;
    /// null when the opening fence has none (the caller reports it).
    /// </summary>
    public static FrontMatterSplit? Cut(string text)
    {
        var open = FenceLength(text);
        if (open == 0)
        {
            return new FrontMatterSplit(null, 0, text);
        }
        var position = open;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var lineEnd = end < 0 ? text.Length : end;
            var line = text.AsSpan(position, lineEnd - position).TrimEnd(" \t\r");
            if (line is "---" or "...")
            {
                var bodyStart = end < 0 ? text.Length : end + 1;
                return new FrontMatterSplit(text[open..position], 2, text[bodyStart..]);
            }
            position = lineEnd + 1;
        }
        return null;
    }

    /// <summary>The length of the opening fence line with its line end, or 0 when the text does not open with one.</summary>
    private static int FenceLength(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith("---"))
        {
            return 0;
        }
        var i = 3;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }
        return i < text.Length && text[i] == '\n' ? i + 1 : 0;
    }
}
