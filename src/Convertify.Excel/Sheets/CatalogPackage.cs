using System.IO.Compression;
using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using Convertify.Packaging;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Excel;

/// <summary>
/// Writes the catalogue's package: the parts of the skeleton EPPlus saved, with each streamed table's worksheet (and its
/// relationships, when it has hyperlinks) written anew, rows and all. Entries come in a stable order — <c>[Content_Types].xml</c>
/// first, then by name — and carry one fixed time (<see cref="PackageZipWriter"/>), so the same rows give the same bytes.
/// </summary>
internal static class CatalogPackage
{
    private const string ContentTypes = "[Content_Types].xml";

    /// <param name="skeleton">The package EPPlus saved (seekable; read only).</param>
    /// <param name="tables">The streamed tables with the column widths the skeleton gave them; each table's rows are released once written.</param>
    /// <param name="output">Receives the package.</param>
    /// <param name="created">The catalogue's creation time, the time of every entry.</param>
    public static void Write(Stream skeleton, IReadOnlyList<(StreamedTable Table, ColumnWidths Widths)> tables, Stream output, DateTimeOffset created)
    {
        var sheets = new Dictionary<string, StreamedSheet>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Open(skeleton, isEditable: false))
        {
            var workbook = document.WorkbookPart ?? throw new InvalidOperationException("the skeleton has no workbook");
            foreach (var (table, widths) in tables)
            {
                var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().SingleOrDefault(s => s.Name?.Value == table.Name)
                    ?? throw new InvalidOperationException($"the skeleton has no sheet {table.Name}");
                var streamed = StreamedSheet.Read((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!), table, widths);
                sheets.Add(streamed.PartName, streamed);
            }
        }
        var relationships = sheets.Values.Where(s => s.HasLinks).ToDictionary(s => s.RelationshipsPartName, StringComparer.Ordinal);

        skeleton.Position = 0;
        using var source = new ZipArchive(skeleton, ZipArchiveMode.Read, leaveOpen: true);
        var names = source.Entries.Select(e => e.FullName).Union(relationships.Keys, StringComparer.Ordinal)
            .OrderBy(n => n == ContentTypes ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal);
        using var package = new PackageZipWriter(output, created);
        foreach (var name in names)
        {
            // A sheet's relationships (xl/worksheets/_rels/…) sort before the sheet: the hyperlink ids are known when the sheet is written.
            if (relationships.TryGetValue(name, out var linked))
            {
                var saved = source.GetEntry(name);
                WriteOverlapped(package, name, part => linked.WriteRelationships(part, saved));
            }
            else if (sheets.TryGetValue(name, out var sheet))
            {
                WriteOverlapped(package, name, sheet.WriteSheet);
            }
            else
            {
                package.Copy(source.GetEntry(name)!);
            }
        }
    }

    /// <summary>
    /// Writes a part on another thread into a pipe and deflates what comes out of it here, so that producing the XML and
    /// compressing it take two cores instead of one after the other.
    /// </summary>
    private static void WriteOverlapped(PackageZipWriter package, string name, Action<Stream> write)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        var producer = Task.Run(() =>
        {
            try
            {
                using var stream = pipe.Writer.AsStream();
                write(stream);
            }
            catch (Exception e)
            {
                pipe.Writer.Complete(e);
                throw;
            }
        });
        Exception? failed = null;
        try
        {
            using var part = package.Open(name);
            // Disposing the reading end completes it: a producer still writing is not left waiting for room in the pipe.
            using var produced = pipe.Reader.AsStream();
            // In whole blocks: the deflater's output depends on how its input is cut, and the pipe hands over whatever the
            // producer has written so far, which depends on timing.
            var block = new byte[1 << 16];
            int read;
            while ((read = produced.ReadAtLeast(block, block.Length, throwOnEndOfStream: false)) > 0)
            {
                part.Write(block, 0, read);
            }
        }
        catch (Exception e)
        {
            failed = e;
        }
        // The producer's exception, if any, is the one that explains what went wrong.
        producer.GetAwaiter().GetResult();
        if (failed is not null)
        {
            ExceptionDispatchInfo.Throw(failed);
        }
    }
}
