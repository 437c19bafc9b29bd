using Convertify.Formats;

namespace Convertify.Conversion;

/// <summary>
/// Assembles a <see cref="Converter"/> from explicitly registered readers and writers.
/// Each format package adds an extension method (<c>AddArchiveReader()</c>, <c>AddMarkdown()</c>, …);
/// a host adds its own format with <see cref="AddReader"/> or <see cref="AddWriter"/>.
/// </summary>
public sealed class ConverterBuilder
{
    private readonly List<IArticleReader> _readers = [];
    private readonly List<IArticleWriter> _writers = [];
    private readonly List<ICatalogWriter> _catalogWriters = [];
    private readonly List<IDossierWriter> _dossierWriters = [];
    private IIndexPageReader? _indexPages;

    /// <summary>Registers a reader. A later reader with the same name replaces the earlier one.</summary>
    public ConverterBuilder AddReader(IArticleReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Replace(_readers, reader, r => r.Format.Name);
        return this;
    }

    /// <summary>Registers a one-article writer. A later writer with the same name replaces the earlier one.</summary>
    public ConverterBuilder AddWriter(IArticleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Replace(_writers, writer, w => w.Format.Name);
        return this;
    }

    /// <summary>Registers a catalogue writer. A later writer with the same name replaces the earlier one.</summary>
    public ConverterBuilder AddCatalogWriter(ICatalogWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Replace(_catalogWriters, writer, w => w.Format.Name);
        return this;
    }

    /// <summary>Registers a dossier writer. A later writer with the same name replaces the earlier one.</summary>
    public ConverterBuilder AddDossierWriter(IDossierWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Replace(_dossierWriters, writer, w => w.Format.Name);
        return this;
    }

    /// <summary>Registers the reader of the archive's index pages (replaces an earlier one).</summary>
    public ConverterBuilder AddIndexPageReader(IIndexPageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _indexPages = reader;
        return this;
    }

    /// <summary>Builds the converter.</summary>
    public Converter Build() => new(new FormatRegistry(_readers.ToArray(), _writers.ToArray(), _catalogWriters.ToArray(), _dossierWriters.ToArray())) { IndexPages = _indexPages };

    private static void Replace<T>(List<T> list, T item, Func<T, string> name)
    {
        var index = list.FindIndex(x => string.Equals(name(x), name(item), StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            list[index] = item;
        }
        else
        {
            list.Add(item);
        }
    }
}
