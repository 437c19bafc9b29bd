using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Word;

/// <summary>
/// Writes an article as a Word document (.docx): a real style sheet (Title, Subtitle, Heading 1–3, Body Text, Quote,
/// Caption, List Paragraph with numbering, Hyperlink, a table style), a metadata block under the title, CJK-aware
/// fonts and languages, and core and custom document properties. Output is deterministic; the writer is thread-safe.
/// </summary>
public sealed class WordArticleWriter : IWarningArticleWriter, IDisposable
{
    private readonly WordWriterOptions _options;
    private readonly Lazy<ImageStore>? _images;

    /// <summary>Creates the writer.</summary>
    public WordArticleWriter(WordWriterOptions? options = null)
    {
        _options = options ?? new WordWriterOptions();
        _images = ImageStore.LazyFor(_options);
    }

    /// <inheritdoc />
    public FormatInfo Format { get; } = new("docx", "Word document (Office Open XML)", ".docx");

    /// <summary>The options in use.</summary>
    public WordWriterOptions Options => _options;

    /// <inheritdoc />
    /// <remarks>Warnings go to <see cref="WordWriterOptions.Warn"/>.</remarks>
    public void Write(Article article, Stream output) => WriteWithWarnings(article, output);

    /// <summary>Writes the article and returns the writer's warnings (they also go to <see cref="WordWriterOptions.Warn"/>).</summary>
    public IReadOnlyList<ConversionWarning> WriteWithWarnings(Article article, Stream output)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(output);
        var profile = LanguageProfile.For(article.Metadata.Language);
        var resolver = new ImageResolver(_options, _images?.Value);
        // The article's downloads run side by side (up to the cap) before the document is built in order.
        resolver.Prefetch(BlockWalker.Figures(article.Body).Select(f => f.ImageUrl));
        var builder = new DocumentBuilder(article, profile, resolver);
        var document = builder.Build();
        DocxPackage.Write(output, article, document, builder, StaticParts.For(profile, _options.EastAsianFont));
        if (_options.Warn is { } warn)
        {
            foreach (var warning in builder.Warnings)
            {
                warn(warning);
            }
        }
        return builder.Warnings;
    }

    /// <summary>Releases the download client, if one was created.</summary>
    public void Dispose()
    {
        if (_images is { IsValueCreated: true })
        {
            _images.Value.Dispose();
        }
    }
}
