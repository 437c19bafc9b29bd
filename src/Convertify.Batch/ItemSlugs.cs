using System.Text;
using Convertify.Model;

namespace Convertify.Batch;

/// <summary>
/// Names the articles of one input that holds many (a feed) for their files: the part of each article's id after the
/// last '/', made safe as a file name, and unique within the input by a suffix (<c>-2</c>, <c>-3</c>, …) in the order
/// the articles come. Names differing only by case count as the same, so outputs can move to any file system.
/// One instance per input; not thread-safe.
/// </summary>
public sealed class ItemSlugs
{
    private const int MaxLength = 100;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The next article's name (without extension).</summary>
    public string Next(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var slug = Safe(article.Metadata.Id);
        var unique = slug;
        for (var n = 2; !_taken.Add(unique); n++)
        {
            unique = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{slug}-{n}");
        }
        return unique;
    }

    /// <summary>
    /// The part of <paramref name="id"/> after its last '/', with every character but letters, digits, '-', '_' and '.'
    /// made '-', without leading dots or trailing dots and dashes, at most 100 characters; <c>item</c> when nothing is left.
    /// </summary>
    public static string Safe(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var last = id[(id.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(Math.Min(last.Length, MaxLength));
        foreach (var rune in last.EnumerateRunes())
        {
            var keep = Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.';
            var text = keep ? rune.ToString() : "-";
            if (builder.Length + text.Length > MaxLength)
            {
                break;
            }
            builder.Append(text);
        }
        var safe = builder.ToString().TrimStart('.').TrimEnd('.', '-');
        return safe.Length == 0 ? "item" : safe;
    }
}
