using Convertify.Formats;

namespace Convertify.Word;

/// <summary>
/// Writes the articles an editor chose as one Word document (a dossier): a cover, a table of contents, each article on
/// a new page as <see cref="WordArticleWriter"/> renders its body, and closing notes on what was left out. Articles are
/// rendered as they are added and kept in a scratch file, not in memory. Output is deterministic.
/// </summary>
public sealed class WordDossierWriter : IDossierWriter, IDisposable
{
    private readonly WordWriterOptions _options;
    private readonly Lazy<ImageStore>? _images;

    /// <summary>Creates the writer; <paramref name="options"/> are the single-article writer's (images, fonts, warnings).</summary>
    public WordDossierWriter(WordWriterOptions? options = null)
    {
        _options = options ?? new WordWriterOptions();
        _images = ImageStore.LazyFor(_options);
    }

    /// <inheritdoc />
    public FormatInfo Format { get; } = new("dossier", "Dossier: chosen articles as one Word document", ".docx");

    /// <inheritdoc />
    public IArticleSink Open(Stream output, DossierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new WordDossierSink(output, options ?? new DossierOptions(), _options, _images?.Value);
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
