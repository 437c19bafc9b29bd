using Convertify.Archive;
using Convertify.Archive.Indexes;

namespace Convertify.Conversion;

/// <summary>Registers the archive reader with a <see cref="ConverterBuilder"/>.</summary>
public static class ArchiveConverterBuilderExtensions
{
    /// <summary>Adds <see cref="ArchiveArticleReader"/> (format name <c>archive</c>) and the reader of the archive's index pages.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">Reader limits; defaults when null.</param>
    public static ConverterBuilder AddArchiveReader(this ConverterBuilder builder, ArchiveReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddReader(new ArchiveArticleReader(options)).AddIndexPageReader(new ArchiveIndexPages());
    }
}
