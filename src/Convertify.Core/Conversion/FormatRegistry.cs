using Convertify.Errors;
using Convertify.Formats;

namespace Convertify.Conversion;

/// <summary>The readers and writers a converter knows, in registration order. Immutable once built.</summary>
public sealed class FormatRegistry
{
    internal FormatRegistry(IReadOnlyList<IArticleReader> readers, IReadOnlyList<IArticleWriter> writers, IReadOnlyList<ICatalogWriter> catalogWriters,
        IReadOnlyList<IDossierWriter> dossierWriters)
    {
        Readers = readers;
        Writers = writers;
        CatalogWriters = catalogWriters;
        DossierWriters = dossierWriters;
    }

    /// <summary>Registered readers; the first is the default.</summary>
    public IReadOnlyList<IArticleReader> Readers { get; }

    /// <summary>Registered one-article writers.</summary>
    public IReadOnlyList<IArticleWriter> Writers { get; }

    /// <summary>Registered many-article (catalogue) writers.</summary>
    public IReadOnlyList<ICatalogWriter> CatalogWriters { get; }

    /// <summary>Registered dossier writers (many chosen articles as one document to read).</summary>
    public IReadOnlyList<IDossierWriter> DossierWriters { get; }

    /// <summary>Names of every writer, one-article and catalogue.</summary>
    public IEnumerable<string> WriterNames => Writers.Select(w => w.Format.Name).Concat(CatalogWriters.Select(w => w.Format.Name));

    /// <summary>
    /// The reader named <paramref name="name"/> (by name only: readers of different formats may share an extension),
    /// or the default reader when it is null.
    /// </summary>
    /// <exception cref="UnknownFormatException">No such reader.</exception>
    public IArticleReader GetReader(string? name = null)
    {
        if (Readers.Count == 0)
        {
            throw UnknownFormatException.NoReader();
        }
        if (name is null)
        {
            return Readers[0];
        }
        return Readers.FirstOrDefault(r => string.Equals(r.Format.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new UnknownFormatException(name, Readers.Select(r => r.Format.Name));
    }

    /// <summary>The first registered reader that sniffs <paramref name="content"/> as its own, else the default reader.</summary>
    /// <exception cref="UnknownFormatException">No reader is registered.</exception>
    public IArticleReader DetectReader(ReadOnlySpan<byte> content)
    {
        foreach (var reader in Readers)
        {
            if (reader.Sniffs(content))
            {
                return reader;
            }
        }
        return GetReader();
    }

    /// <summary>The reader named <paramref name="name"/>; when it is null, the one <see cref="DetectReader"/> finds for <paramref name="content"/>.</summary>
    /// <exception cref="UnknownFormatException">No such reader.</exception>
    public IArticleReader ChooseReader(string? name, ReadOnlySpan<byte> content) => name is null ? DetectReader(content) : GetReader(name);

    /// <summary>Finds a one-article writer by name or extension; null when there is none.</summary>
    public IArticleWriter? FindWriter(string name) => Writers.FirstOrDefault(w => Matches(w.Format, name));

    /// <summary>Finds a catalogue writer by name or extension; null when there is none.</summary>
    public ICatalogWriter? FindCatalogWriter(string name) => CatalogWriters.FirstOrDefault(w => Matches(w.Format, name));

    /// <summary>Finds a dossier writer by name or extension; null when there is none.</summary>
    public IDossierWriter? FindDossierWriter(string name) => DossierWriters.FirstOrDefault(w => Matches(w.Format, name));

    /// <summary>The one-article writer named <paramref name="name"/>.</summary>
    /// <exception cref="UnknownFormatException">No such writer.</exception>
    public IArticleWriter GetWriter(string name) =>
        FindWriter(name) ?? throw (Writers.Count + CatalogWriters.Count == 0 ? UnknownFormatException.NoWriter(name) : new UnknownFormatException(name, WriterNames));

    private static bool Matches(FormatInfo format, string? name) =>
        name is not null &&
        (string.Equals(format.Name, name, StringComparison.OrdinalIgnoreCase) ||
         string.Equals(format.Extension.TrimStart('.'), name.TrimStart('.'), StringComparison.OrdinalIgnoreCase));
}
