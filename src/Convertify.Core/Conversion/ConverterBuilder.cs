using Convertify.Formats;

namespace Convertify.Conversion;

/// <summary>
/// Assembles a <see cref="Converter"/> from explicitly registered readers and writers.
/// Each format package adds an extension method (<c>AddArchiveReader()</c>, <c>AddMarkdown()</c>, …);
/// a host adds its own format with <see cref="AddReader(IArticleReader)"/> or <see cref="AddWriter(IArticleWriter)"/>.
/// </summary>
/// <remarks>
/// Ownership: an instance the host passes in stays the host's (the converter never disposes it). A format registered
/// through a factory (the <c>Func&lt;…&gt;</c> overloads, which the packages' <c>Add…()</c> methods use for writers that
/// hold resources, such as the Word writer's download client) is created by <see cref="Build"/>, once per converter,
/// and disposed by <see cref="Converter.Dispose"/>.
/// </remarks>
public sealed class ConverterBuilder
{
    private readonly List<Registration<IArticleReader>> _readers = [];
    private readonly List<Registration<IArticleWriter>> _writers = [];
    private readonly List<Registration<ICatalogWriter>> _catalogWriters = [];
    private readonly List<Registration<IDossierWriter>> _dossierWriters = [];
    private IIndexPageReader? _indexPages;

    /// <summary>Registers a reader. A later reader with the same name replaces the earlier one.</summary>
    /// <param name="reader">The reader; the host's, never disposed by the converter.</param>
    public ConverterBuilder AddReader(IArticleReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _readers.Add(Registration<IArticleReader>.Of(reader));
        return this;
    }

    /// <summary>Registers a reader that <see cref="Build"/> creates; the converter owns it and disposes it when it is disposable.</summary>
    /// <param name="create">Makes the reader, once per built converter.</param>
    public ConverterBuilder AddReader(Func<IArticleReader> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _readers.Add(Registration<IArticleReader>.Of(create));
        return this;
    }

    /// <summary>Registers a one-article writer. A later writer with the same name replaces the earlier one.</summary>
    /// <param name="writer">The writer; the host's, never disposed by the converter.</param>
    public ConverterBuilder AddWriter(IArticleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writers.Add(Registration<IArticleWriter>.Of(writer));
        return this;
    }

    /// <summary>Registers a one-article writer that <see cref="Build"/> creates; the converter owns it and disposes it when it is disposable.</summary>
    /// <param name="create">Makes the writer, once per built converter.</param>
    public ConverterBuilder AddWriter(Func<IArticleWriter> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _writers.Add(Registration<IArticleWriter>.Of(create));
        return this;
    }

    /// <summary>Registers a catalogue writer. A later writer with the same name replaces the earlier one.</summary>
    /// <param name="writer">The writer; the host's, never disposed by the converter.</param>
    public ConverterBuilder AddCatalogWriter(ICatalogWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _catalogWriters.Add(Registration<ICatalogWriter>.Of(writer));
        return this;
    }

    /// <summary>Registers a catalogue writer that <see cref="Build"/> creates; the converter owns it and disposes it when it is disposable.</summary>
    /// <param name="create">Makes the writer, once per built converter.</param>
    public ConverterBuilder AddCatalogWriter(Func<ICatalogWriter> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _catalogWriters.Add(Registration<ICatalogWriter>.Of(create));
        return this;
    }

    /// <summary>Registers a dossier writer. A later writer with the same name replaces the earlier one.</summary>
    /// <param name="writer">The writer; the host's, never disposed by the converter.</param>
    public ConverterBuilder AddDossierWriter(IDossierWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _dossierWriters.Add(Registration<IDossierWriter>.Of(writer));
        return this;
    }

    /// <summary>Registers a dossier writer that <see cref="Build"/> creates; the converter owns it and disposes it when it is disposable.</summary>
    /// <param name="create">Makes the writer, once per built converter.</param>
    public ConverterBuilder AddDossierWriter(Func<IDossierWriter> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _dossierWriters.Add(Registration<IDossierWriter>.Of(create));
        return this;
    }

    /// <summary>Registers the reader of the archive's index pages (replaces an earlier one).</summary>
    /// <param name="reader">The reader; the host's, never disposed by the converter.</param>
    public ConverterBuilder AddIndexPageReader(IIndexPageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _indexPages = reader;
        return this;
    }

    /// <summary>
    /// Builds the converter. Formats registered by factory are created now, for this converter alone; one replaced by a
    /// later registration of the same name is disposed at once. Dispose the converter to release them.
    /// </summary>
    public Converter Build()
    {
        var owned = new List<IDisposable>();
        try
        {
            var registry = new FormatRegistry(Resolve(_readers, r => r.Format.Name, owned), Resolve(_writers, w => w.Format.Name, owned),
                Resolve(_catalogWriters, w => w.Format.Name, owned), Resolve(_dossierWriters, w => w.Format.Name, owned));
            return new Converter(registry, owned) { IndexPages = _indexPages };
        }
        catch
        {
            foreach (var disposable in owned)
            {
                disposable.Dispose();
            }
            throw;
        }
    }

    // Registration order, a later name replacing an earlier one in its place; what a factory made and is kept goes to owned.
    private static T[] Resolve<T>(List<Registration<T>> registrations, Func<T, string> name, List<IDisposable> owned) where T : class
    {
        var list = new List<(T Item, bool Created)>(registrations.Count);
        foreach (var registration in registrations)
        {
            var item = registration.Instance ?? registration.Create!();
            if (item is null)
            {
                throw new InvalidOperationException($"a {typeof(T).Name} factory registered with the ConverterBuilder returned null");
            }
            var created = registration.Instance is null;
            var index = list.FindIndex(x => string.Equals(name(x.Item), name(item), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                if (list[index] is { Created: true, Item: IDisposable replaced })
                {
                    replaced.Dispose();
                }
                list[index] = (item, created);
            }
            else
            {
                list.Add((item, created));
            }
        }
        owned.AddRange(list.Where(x => x.Created).Select(x => x.Item).OfType<IDisposable>());
        return list.Select(x => x.Item).ToArray();
    }
}
