using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Conversion;

/// <summary>
/// Reads articles and writes them in any registered format. Thread-safe: readers and writers hold no per-call state.
/// Dispose it to release the formats its <see cref="ConverterBuilder"/> created (the Word writer's download client);
/// instances the host registered stay the host's.
/// </summary>
public sealed class Converter : IDisposable
{
    private readonly IReadOnlyList<IDisposable> _owned;
    private int _disposed;

    internal Converter(FormatRegistry registry, IReadOnlyList<IDisposable> owned)
    {
        Registry = registry;
        _owned = owned;
    }

    /// <summary>The registered readers and writers.</summary>
    public FormatRegistry Registry { get; }

    /// <summary>The reader of the archive's index pages, when one is registered.</summary>
    public IIndexPageReader? IndexPages { get; init; }

    /// <summary>Reads one article with the reader that sniffs it as its own, else the default reader.</summary>
    /// <exception cref="Errors.ArticleFormatException">The input is not a readable article.</exception>
    public Article Read(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Registry.DetectReader(input.Content.Span).Read(input);
    }

    /// <summary>
    /// Reads every article <paramref name="input"/> holds (one for an article file, one per item for a feed) with the
    /// reader that sniffs it, else the default reader. Lazy: a fault half way through is thrown when it is reached,
    /// after the articles before it.
    /// </summary>
    /// <exception cref="Errors.ArticleFormatException">The input, or the rest of it from a fault on, is not readable.</exception>
    public IEnumerable<Article> ReadAll(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Registry.DetectReader(input.Content.Span).ReadAll(input);
    }

    /// <summary>Reads one article file with the default reader.</summary>
    /// <exception cref="Errors.ArticleFormatException">The file is missing or not a readable article.</exception>
    public Article ReadFile(string path) => Read(ArticleInput.FromFile(path));

    /// <summary>Reads one article file with the default reader, asynchronously.</summary>
    public async Task<Article> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var input = await ArticleInput.FromFileAsync(path, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(input);
    }

    /// <summary>Reads one article from text held in memory (a CMS field, a test string) with the default reader.</summary>
    /// <param name="text">The article's text.</param>
    /// <param name="name">A path-like name (<c>articles/voa/1008001.md</c>): readers derive the id and site from it, errors name it.</param>
    /// <exception cref="Errors.ArticleFormatException">The text is not a readable article.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space: the article would have no id.</exception>
    public Article ReadString(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Read(ArticleInput.FromString(name, text));
    }

    /// <summary>Reads one article from a stream (read to its end, at most <see cref="ArticleInput.MaxBytes"/>) with the default reader.</summary>
    /// <param name="stream">The article's bytes; not closed.</param>
    /// <param name="name">A path-like name (<c>articles/voa/1008001.md</c>): readers derive the id and site from it, errors name it.</param>
    /// <param name="cancellationToken">Cancels reading the stream.</param>
    /// <exception cref="Errors.ArticleFormatException">The bytes are not a readable article.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space: the article would have no id.</exception>
    public async Task<Article> ReadAsync(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var input = await ArticleInput.FromStreamAsync(name, stream, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(input);
    }

    /// <summary>Writes an article with the named writer.</summary>
    /// <exception cref="Errors.UnknownFormatException">No such writer.</exception>
    public void Write(Article article, string format, Stream output) => Registry.GetWriter(format).Write(article, output);

    /// <summary>
    /// Writes an article with the named writer to a stream, asynchronously: the document is built in memory and then
    /// written with one <see cref="Stream.WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>, so <paramref name="output"/> may be a
    /// stream that refuses synchronous writes (an HTTP response body).
    /// </summary>
    /// <param name="article">The article.</param>
    /// <param name="format">A writer's name or extension (<c>md</c>, <c>docx</c>).</param>
    /// <param name="output">Where the document goes; not closed.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <exception cref="UnknownFormatException">No such writer.</exception>
    public async Task WriteAsync(Article article, string format, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(output);
        var writer = Registry.GetWriter(format);
        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = new MemoryStream();
        writer.Write(article, buffer);
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The document the named text writer (<c>md</c>, or a host's <see cref="ITextArticleWriter"/>) makes of an article, as
    /// a string.
    /// </summary>
    /// <param name="article">The article.</param>
    /// <param name="format">A text writer's name or extension (<c>md</c>).</param>
    /// <exception cref="UnknownFormatException">No such writer.</exception>
    /// <exception cref="ArgumentException">The writer makes binary documents (<c>docx</c>): use <see cref="WriteToBytes"/>.</exception>
    public string WriteToString(Article article, string format)
    {
        ArgumentNullException.ThrowIfNull(article);
        var writer = Registry.GetWriter(format);
        return writer is ITextArticleWriter text
            ? text.WriteToString(article)
            : throw new ArgumentException(
                $"format '{writer.Format.Name}' ({writer.Format.Description}) writes binary documents, not text: use WriteToBytes(article, \"{writer.Format.Name}\")",
                nameof(format));
    }

    /// <summary>The document the named writer makes of an article, as bytes (a .docx package, UTF-8 Markdown).</summary>
    /// <param name="article">The article.</param>
    /// <param name="format">A writer's name or extension (<c>md</c>, <c>docx</c>).</param>
    /// <exception cref="UnknownFormatException">No such writer.</exception>
    public byte[] WriteToBytes(Article article, string format)
    {
        ArgumentNullException.ThrowIfNull(article);
        var writer = Registry.GetWriter(format);
        using var buffer = new MemoryStream();
        writer.Write(article, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes an article to a file with the named writer; the file appears complete or not at all.</summary>
    public void WriteFile(Article article, string format, string outputPath)
    {
        var writer = Registry.GetWriter(format);
        AtomicFile.Write(outputPath, stream => writer.Write(article, stream));
    }

    /// <summary>Converts one file to another in one call.</summary>
    public async Task ConvertFileAsync(string inputPath, string format, string outputPath, CancellationToken cancellationToken = default)
    {
        var writer = Registry.GetWriter(format);
        var article = await ReadFileAsync(inputPath, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(outputPath, stream => writer.Write(article, stream));
    }

    /// <summary>
    /// Converts many files, one after another, into <paramref name="outputDirectory"/>. An input that is not a readable
    /// article does not stop the run: its <see cref="ConversionResult"/> carries the <see cref="ArticleFormatException"/>.
    /// Outputs keep the input's folder name, as in the archive layout: <c>articles/voa/1008001.md</c> →
    /// <c>&lt;outputDirectory&gt;/voa/1008001.docx</c>.
    /// </summary>
    /// <param name="inputPaths">The input files.</param>
    /// <param name="format">A writer's name or extension (<c>md</c>, <c>docx</c>).</param>
    /// <param name="outputDirectory">The folder to write into (created when missing).</param>
    /// <param name="progress">Told after each input; null for none.</param>
    /// <param name="cancellationToken">
    /// Stops the run between inputs: the call still returns, with the results of the inputs done before and
    /// <see cref="ConversionResult.Cancelled"/> for the rest (files already written stay; none is left half-written).
    /// </param>
    /// <returns>One result per input, in input order: converted, failed, or cancelled.</returns>
    /// <exception cref="UnknownFormatException">No such writer (thrown before any input is read).</exception>
    /// <exception cref="ArgumentException">Two inputs would be written to the same output file.</exception>
    public Task<IReadOnlyList<ConversionResult>> ConvertManyAsync(IEnumerable<string> inputPaths, string format, string outputDirectory,
        IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var extension = Registry.GetWriter(format).Format.Extension;
        return ConvertManyAsync(inputPaths, format, input => Path.Combine(outputDirectory,
            Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(input))) ?? "",
            Path.GetFileNameWithoutExtension(input) + extension), progress, cancellationToken);
    }

    /// <summary>
    /// Converts many files, one after another, each to the path <paramref name="outputPathFor"/> names. An input that is
    /// not a readable article does not stop the run: its <see cref="ConversionResult"/> carries the
    /// <see cref="ArticleFormatException"/>. Each output file appears complete or not at all.
    /// </summary>
    /// <param name="inputPaths">The input files.</param>
    /// <param name="format">A writer's name or extension (<c>md</c>, <c>docx</c>).</param>
    /// <param name="outputPathFor">Maps an input path to its output path.</param>
    /// <param name="progress">Told after each input; null for none.</param>
    /// <param name="cancellationToken">
    /// Stops the run between inputs: the call still returns, with the results of the inputs done before and
    /// <see cref="ConversionResult.Cancelled"/> for the rest (files already written stay; none is left half-written).
    /// </param>
    /// <returns>One result per input, in input order: converted, failed, or cancelled.</returns>
    /// <exception cref="UnknownFormatException">No such writer (thrown before any input is read).</exception>
    /// <exception cref="ArgumentException">Two inputs would be written to the same output file.</exception>
    public async Task<IReadOnlyList<ConversionResult>> ConvertManyAsync(IEnumerable<string> inputPaths, string format,
        Func<string, string> outputPathFor, IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputPaths);
        ArgumentNullException.ThrowIfNull(outputPathFor);
        var writer = Registry.GetWriter(format);
        var inputs = inputPaths.ToArray();
        var outputs = new string[inputs.Length];
        var claimed = new Dictionary<string, string>(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Length; i++)
        {
            outputs[i] = outputPathFor(inputs[i]);
            if (!claimed.TryAdd(Path.GetFullPath(outputs[i]), inputs[i]))
            {
                throw new ArgumentException(
                    $"{inputs[i]} and {claimed[Path.GetFullPath(outputs[i])]} would both be written to {outputs[i]}", nameof(outputPathFor));
            }
        }
        var results = new ConversionResult[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                var article = await ReadFileAsync(inputs[i], cancellationToken).ConfigureAwait(false);
                AtomicFile.Write(outputs[i], stream => writer.Write(article, stream));
                results[i] = new ConversionResult(inputs[i], outputs[i], null);
            }
            catch (ArticleFormatException e)
            {
                results[i] = new ConversionResult(inputs[i], null, e);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // One cancellation model with BatchRunner: report what was done, and the rest as cancelled.
                for (var rest = i; rest < inputs.Length; rest++)
                {
                    results[rest] = new ConversionResult(inputs[rest], null, null) { Cancelled = true };
                }
                break;
            }
            progress?.Report(new ConversionProgress(i + 1, inputs.Length, results[i]));
        }
        return results;
    }

    /// <summary>Disposes the readers and writers the builder created for this converter (not those the host passed in). Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        foreach (var disposable in _owned)
        {
            disposable.Dispose();
        }
    }
}
