namespace Convertify.Batch.Sources;

/// <summary>Where a batch's inputs come from: a folder, a glob, a .zip, a .tar or .tar.gz. Read-only: a source never changes its input.</summary>
internal interface IArchiveSource : IDisposable
{
    /// <summary>What the source reads, for messages.</summary>
    string Description { get; }

    /// <summary>The relative paths <see cref="Entries"/> will yield, in order, when known without reading the whole input (folders, globs, zip files); null for streamed tar archives.</summary>
    IReadOnlyList<string>? KnownPaths { get; }

    /// <summary>
    /// The Markdown entries (<c>*.md</c>) and every refused entry, each exactly once. Enumerate once, on one thread;
    /// entries of streamed archives are read as they are yielded.
    /// </summary>
    IEnumerable<ArchiveEntry> Entries(CancellationToken cancellationToken);
}
