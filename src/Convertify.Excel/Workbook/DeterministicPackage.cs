using System.IO.Compression;

namespace Convertify.Excel;

/// <summary>
/// Re-zips a package with fixed entry times and a stable entry order: EPPlus stamps entries with the current time,
/// and reproducible output must not depend on when it was written.
/// </summary>
internal static class DeterministicPackage
{
    private static readonly DateTimeOffset Earliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2107, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static void Copy(Stream source, Stream output, DateTimeOffset timestamp)
    {
        var stamp = timestamp < Earliest ? Earliest : timestamp > Latest ? Latest : timestamp;
        // Zip times carry no zone: store the UTC wall-clock time.
        var entryTime = new DateTimeOffset(stamp.UtcDateTime.Ticks, TimeSpan.Zero);
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var entries = input.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in entries)
        {
            var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = entryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
