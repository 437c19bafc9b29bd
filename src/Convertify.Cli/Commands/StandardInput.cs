using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Cli.Commands;

/// <summary>
/// The article given as <c>-</c>: read from standard input, and given the site and id a file at
/// <c>articles/&lt;site&gt;/&lt;id&gt;.md</c> would have: from <c>--name site/id</c>, else the site of its URL and the URL's last part.
/// </summary>
internal static class StandardInput
{
    public const string Name = "-";

    /// <exception cref="UsageException"><paramref name="name"/> is not <c>site/id</c>.</exception>
    /// <exception cref="InputException">No name, and the article has no URL to take one from.</exception>
    public static Article Read(Converter converter, string? name, string? from)
    {
        var site = name is null ? null : ParseName(name);
        using var stdin = Console.OpenStandardInput();
        var input = ArticleInput.FromStreamAsync(Name, stdin).GetAwaiter().GetResult();
        if (site is not null)
        {
            return FromOption.Read(converter, input with { FullPath = $"articles/{site.Value.Site}/{site.Value.Id}.md" }, from);
        }
        var article = FromOption.Read(converter, input, from);
        var id = IdFromUrl(article.Metadata.OriginalUrl)
                 ?? throw new InputException("-: the article's URL has no last part to name it by: name it with --name site/id");
        return FromOption.Read(converter, input with { FullPath = $"articles/{article.Metadata.Site.Code}/{id}.md" }, from);
    }

    private static (string Site, string Id)? ParseName(string name)
    {
        var parts = name.Split('/');
        if (parts is not [{ Length: > 0 } site, { Length: > 0 } id] || name.Contains('\\', StringComparison.Ordinal) ||
            parts.Any(p => p is "." or ".."))
        {
            throw new UsageException($"--name '{name}': expected site/id, like voa/1008880");
        }
        return (site, id);
    }

    /// <summary>The URL's last path segment without its extension, made safe as a file name (<c>…/a/7865712.html</c> → <c>7865712</c>).</summary>
    private static string? IdFromUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var segment = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        var dot = segment.LastIndexOf('.');
        if (dot > 0)
        {
            segment = segment[..dot];
        }
        var safe = new string(segment.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return safe.Length == 0 ? null : safe;
    }
}
