using System.Globalization;
using System.Text;

namespace Convertify.Markdown.Dossier;

/// <summary>
/// Heading ids for a dossier's sections, made from archive ids (<c>cdt/332947</c> → <c>cdt-332947</c>): lower-case
/// ASCII letters, digits, <c>-</c> and <c>_</c>, starting with a letter, unique within the dossier.
/// </summary>
internal sealed class DossierAnchors
{
    public const string Contents = "contents";
    public const string Notes = "notes";

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal) { Contents, Notes };

    /// <summary>A new id for the article with archive id <paramref name="id"/>.</summary>
    public string Next(string id)
    {
        var slug = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().TrimEnd('-');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text = "article-" + text;
        }
        var anchor = text.TrimEnd('-');
        for (var n = 2; !_taken.Add(anchor); n++)
        {
            anchor = string.Create(CultureInfo.InvariantCulture, $"{text}-{n}");
        }
        return anchor;
    }
}
