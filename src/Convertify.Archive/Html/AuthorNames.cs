namespace Convertify.Archive.Html;

/// <summary>
/// Cleans author text from a date line or byline: trims, drops the artefact <c>null</c> before a name, drops a trailing
/// parenthesised note such as <c>（综合报道）</c> (it describes the reporting, not a person; a parenthesised Latin
/// spelling of the name stays), and splits lists of names.
/// </summary>
internal static class AuthorNames
{
    public static IEnumerable<string> Clean(string raw)
    {
        var text = TextAccumulator.Normalize(raw);
        if (text.StartsWith("null ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..].Trim();
        }
        if (text.Equals("null", StringComparison.OrdinalIgnoreCase) || text.Equals("undefined", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }
        foreach (var prefix in new[] { "作者：", "作者:", "By ", "BY ", "文／", "文/" })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].Trim();
            }
        }
        text = StripTrailingNote(text);
        foreach (var part in text.Split(['、', '，', ',', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var name in part.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var n = StripTrailingNote(name);
                if (n.Length > 0 && n.Length <= 80 && !n.Equals("null", StringComparison.OrdinalIgnoreCase))
                {
                    yield return n;
                }
            }
        }
    }

    /// <summary>Drops a trailing note like <c>（综合报道）</c>; a parenthesised Latin name (<c>（Sam Cabral）</c>) is part of the name.</summary>
    private static string StripTrailingNote(string text)
    {
        text = text.Trim();
        while (text.Length > 0 && text[^1] is '）' or ')')
        {
            var open = text.LastIndexOfAny(['（', '(']);
            if (open < 0 || text.AsSpan(open).ContainsAnyInRange('A', 'Z') || text.AsSpan(open).ContainsAnyInRange('a', 'z'))
            {
                break;
            }
            text = text[..open].Trim();
        }
        return text;
    }
}
