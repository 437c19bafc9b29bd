using Convertify.Conversion;
using Convertify.Model;

namespace Convertify;

/// <summary>
/// One-line calls for the common case, as <c>Markdig.Markdown.ToHtml(text)</c> is for Markdown: an archive article's
/// text, stream or file to Markdown or to a Word document, with the default registrations
/// (<see cref="DocumentsConverterBuilderExtensions.AddDocumentFormats"/>: the archive reader, the <c>md</c> and the
/// offline <c>docx</c> writer). For options, other formats or a host's own, build a converter with
/// <see cref="ConverterBuilder"/>.
/// </summary>
/// <remarks>
/// The <c>name</c> of in-memory input is the article's archive path (<c>articles/voa/1008001.md</c>): the reader takes
/// the id and the site from it, and errors name it. When it is left out it is <see cref="DefaultName"/>, so the site
/// comes from the article's URL and the id is <c>&lt;site&gt;/article</c>. All calls are thread-safe and throw
/// <see cref="Errors.ArticleFormatException"/> for input that is not a readable article.
/// </remarks>
public static class Articles
{
    /// <summary>The name in-memory input is given when the caller gives none: <c>article.md</c>.</summary>
    public const string DefaultName = "article.md";

    private static readonly Lazy<Converter> Shared = new(() => new ConverterBuilder().AddDocumentFormats().Build());

    /// <summary>
    /// The converter the one-line calls use (reader, <c>md</c>, <c>docx</c>): shared, for the rest of the API. It lives as
    /// long as the process; do not dispose it (build your own with <see cref="ConverterBuilder"/> to control its lifetime).
    /// </summary>
    public static Converter Converter => Shared.Value;

    /// <summary>Reads an article from its text.</summary>
    /// <param name="text">The article file's text.</param>
    /// <param name="name">Its archive path (gives the id and site); <see cref="DefaultName"/> when left out.</param>
    public static Article Read(string text, string name = DefaultName) => Converter.ReadString(text, name);

    /// <summary>Reads an article file.</summary>
    /// <param name="path">The file's path.</param>
    public static Article ReadFile(string path) => Converter.ReadFile(path);

    /// <summary>An article's text as Markdown with YAML front matter.</summary>
    /// <param name="text">The article file's text.</param>
    /// <param name="name">Its archive path (gives the id and site); <see cref="DefaultName"/> when left out.</param>
    public static string ToMarkdown(string text, string name = DefaultName) => ToMarkdown(Read(text, name));

    /// <summary>An article as Markdown with YAML front matter.</summary>
    /// <param name="article">The article, read or edited.</param>
    public static string ToMarkdown(Article article) => Converter.WriteToString(article, "md");

    /// <summary>An article file as Markdown with YAML front matter.</summary>
    /// <param name="path">The article file's path.</param>
    public static string FileToMarkdown(string path) => ToMarkdown(ReadFile(path));

    /// <summary>An article's bytes, read from a stream to its end, as Markdown with YAML front matter.</summary>
    /// <param name="stream">The article's bytes; not closed.</param>
    /// <param name="name">Its archive path (gives the id and site); <see cref="DefaultName"/> when left out.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    public static async Task<string> ToMarkdownAsync(Stream stream, string name = DefaultName, CancellationToken cancellationToken = default) =>
        ToMarkdown(await Converter.ReadAsync(stream, name, cancellationToken).ConfigureAwait(false));

    /// <summary>An article's text as a Word document (.docx bytes; figures as linked placeholders, nothing downloaded).</summary>
    /// <param name="text">The article file's text.</param>
    /// <param name="name">Its archive path (gives the id and site); <see cref="DefaultName"/> when left out.</param>
    public static byte[] ToDocx(string text, string name = DefaultName) => ToDocx(Read(text, name));

    /// <summary>An article as a Word document (.docx bytes).</summary>
    /// <param name="article">The article, read or edited.</param>
    public static byte[] ToDocx(Article article) => Converter.WriteToBytes(article, "docx");

    /// <summary>An article file as a Word document (.docx bytes).</summary>
    /// <param name="path">The article file's path.</param>
    public static byte[] FileToDocx(string path) => ToDocx(ReadFile(path));

    /// <summary>An article's bytes, read from a stream to its end, as a Word document (.docx bytes).</summary>
    /// <param name="stream">The article's bytes; not closed.</param>
    /// <param name="name">Its archive path (gives the id and site); <see cref="DefaultName"/> when left out.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    public static async Task<byte[]> ToDocxAsync(Stream stream, string name = DefaultName, CancellationToken cancellationToken = default) =>
        ToDocx(await Converter.ReadAsync(stream, name, cancellationToken).ConfigureAwait(false));
}
