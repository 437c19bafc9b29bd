using System.IO.Compression;

namespace Convertify.Excel;

/// <summary>
/// Streams the rows of each <see cref="StreamedTable"/> into the sheet part EPPlus saved as its skeleton: writes the
/// new worksheet part and its relationships part (one external relationship per hyperlink) into a package of
/// replacement parts per table, which <see cref="DeterministicPackage"/> then merges with the skeleton's other parts.
/// Memory stays flat in the number of rows: the XML goes through a small buffer straight into the deflater, and only
/// the position and id of each hyperlink (12 bytes) is kept between writing the relationships and the sheet.
/// </summary>
internal static class StreamedSheets
{
    // zlib level 2. On 400 MB of catalogue XML: level 1 ~1.0-2.1 s for 117 MB, level 2 ~1.7-2.4 s for 96 MB,
    // level 3 ~2.3-3.0 s for 94 MB, level 6 (ZipArchive's Optimal) ~4 s for 88 MB. Deflating is most of the streaming time.
    private const int Level = 2;

    /// <param name="skeleton">The package EPPlus saved (read only).</param>
    /// <param name="tables">The tables with the column widths they were given in the skeleton; each table's rows are released once written.</param>
    /// <param name="outputs">An empty seekable stream for each table, which receives the package of its rewritten parts.</param>
    public static void Write(Stream skeleton, IReadOnlyList<(StreamedTable Table, ColumnWidths Widths)> tables, IReadOnlyList<Stream> outputs)
    {
        var jobs = new List<SheetJob>();
        using (var source = new ZipArchive(skeleton, ZipArchiveMode.Read, leaveOpen: true))
        {
            var sheetParts = WorkbookParts.Read(source).Sheets;
            for (var i = 0; i < tables.Count; i++)
            {
                var (table, widths) = tables[i];
                var sheetPart = sheetParts.TryGetValue(table.Name, out var name) ? name
                    : throw new InvalidOperationException($"the skeleton has no sheet {table.Name}");
                SheetTemplate template;
                using (var stream = WorkbookParts.Open(source, sheetPart))
                {
                    template = SheetTemplate.Read(stream, table.Headers.Length, c => TableSkeleton.HasPlaceholder(table, widths, c),
                        CellReference.Range(table.Headers.Length, table.RowCount + 1));
                }
                RelationshipsTemplate? relationships = null;
                if (table.Kinds.Contains(ColumnKind.Link))
                {
                    using var stream = source.GetEntry(WorkbookParts.RelationshipsPartName(sheetPart))?.Open();
                    relationships = RelationshipsTemplate.Read(stream);
                }
                jobs.Add(new SheetJob(table, sheetPart, template, relationships, outputs[i]));
            }
        }
        // The sheets are independent: each is written into its own package, on as many cores as there are, one sheet at a
        // time per core and the largest first (no buffering in the partitioner, so a core that is done takes the next sheet).
        try
        {
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(jobs, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), job =>
            {
                var zip = new PartsPackageWriter(job.Output, Level);
                var hyperlinks = job.Relationships is null ? [] : WriteRelationships(zip, WorkbookParts.RelationshipsPartName(job.SheetPart), job.Relationships, job.Table);
                WriteSheet(zip, job.SheetPart, job.Template, job.Table, hyperlinks);
                zip.Finish();
                job.Table.Release();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private static List<HyperlinkCell> WriteRelationships(PartsPackageWriter zip, string partName, RelationshipsTemplate template, StreamedTable table)
    {
        using var output = zip.BeginPart(partName);
        using var xml = new Utf8XmlWriter(output);
        xml.Raw(template.Before);
        var writer = new HyperlinkRelationshipsWriter(xml, template.Ids);
        for (var i = 0; i < table.RowCount; i++)
        {
            writer.BeginRow(i + 2);
            table.VisitRow(i, writer);
        }
        xml.Raw(template.After);
        return writer.Cells;
    }

    private static void WriteSheet(PartsPackageWriter zip, string partName, SheetTemplate template, StreamedTable table, List<HyperlinkCell> hyperlinks)
    {
        using var output = zip.BeginPart(partName);
        using var xml = new Utf8XmlWriter(output);
        xml.Raw(template.BeforeRows);
        var rows = new SheetDataWriter(xml, template.Styles);
        rows.Header(table.Headers);
        for (var i = 0; i < table.RowCount; i++)
        {
            rows.BeginRow(i + 2);
            table.VisitRow(i, rows);
            rows.EndRow();
        }
        xml.Raw(template.BeforeHyperlinks);
        if (hyperlinks.Count > 0)
        {
            var columnNames = Enumerable.Range(0, table.Headers.Length).Select(CellReference.Utf8ColumnName).ToArray();
            var idAttribute = System.Text.Encoding.UTF8.GetBytes(" " + template.RelationshipPrefix + ":id=\"rId");
            xml.Raw("<hyperlinks>"u8);
            foreach (var cell in hyperlinks)
            {
                xml.Raw("<hyperlink ref=\""u8);
                xml.Raw(columnNames[cell.Column]);
                xml.Number(cell.Row);
                xml.Raw("\""u8);
                xml.Raw(idAttribute);
                xml.Number(cell.Id);
                xml.Raw("\"/>"u8);
            }
            xml.Raw("</hyperlinks>"u8);
        }
        xml.Raw(template.Rest);
    }

    private sealed record SheetJob(StreamedTable Table, string SheetPart, SheetTemplate Template, RelationshipsTemplate? Relationships, Stream Output);
}
