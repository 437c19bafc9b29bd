using System.Net;
using System.Text;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Text;

namespace Embedding;

/// <summary>Use 3: a host's own output format — a plain HTML page — registered like the built-in writers.</summary>
public sealed class HtmlArticleWriter : IArticleWriter
{
    /// <inheritdoc />
    public FormatInfo Format { get; } = new("html", "HTML page (title, headings, paragraphs, quotes)", ".html");

    /// <inheritdoc />
    public void Write(Article article, Stream output)
    {
        using var html = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        html.WriteLine($"<!doctype html>\n<meta charset=\"utf-8\">\n<title>{Encode(article.Metadata.Title)}</title>");
        html.WriteLine($"<h1>{Encode(article.Metadata.Title)}</h1>");
        foreach (var block in article.Body)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    html.WriteLine($"<h{heading.Level}>{Encode(PlainText.Of(heading.Inlines))}</h{heading.Level}>");
                    break;
                case ParagraphBlock paragraph:
                    html.WriteLine($"<p>{Encode(PlainText.Of(paragraph.Inlines))}</p>");
                    break;
                default:
                    foreach (var line in PlainText.Lines([block]))
                    {
                        html.WriteLine($"<blockquote>{Encode(line)}</blockquote>");
                    }
                    break;
            }
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>");
}
