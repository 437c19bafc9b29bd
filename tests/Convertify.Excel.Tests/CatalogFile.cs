using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Convertify.Formats;
using Convertify.Model;
using OfficeOpenXml;

namespace Convertify.Excel.Tests;

/// <summary>Writes catalogues in memory and opens them for inspection.</summary>
internal static class CatalogFile
{
    public static byte[] Write(params Article[] articles) => Write(articles.Select(a => (a, (IReadOnlyDictionary<string, string>?)null)));

    public static byte[] Write(IEnumerable<(Article Article, IReadOnlyDictionary<string, string>? Files)> articles,
        IEnumerable<(string Path, string Message)>? failures = null, ExcelCatalogOptions? options = null, CatalogOptions? catalogOptions = null)
    {
        using var output = new MemoryStream();
        using (var sink = new ExcelCatalogWriter(options).Open(output, catalogOptions))
        {
            foreach (var (article, files) in articles)
            {
                sink.Add(article, files);
            }
            foreach (var (path, message) in failures ?? [])
            {
                sink.AddFailure(path, message);
            }
            sink.Complete();
        }
        return output.ToArray();
    }

    public static ExcelPackage Open(byte[] bytes) => new(new MemoryStream(bytes));

    /// <summary>The text of a package part, e.g. <c>xl/worksheets/sheet1.xml</c>.</summary>
    public static string Part(byte[] bytes, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException("no part " + name);
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The root element of an XML package part (look elements up by local name: the prefixes are the writer's business).</summary>
    public static XElement PartXml(byte[] bytes, string name) => XDocument.Parse(Part(bytes, name)).Root!;

    /// <summary>The descendants of <paramref name="root"/> with the local name <paramref name="name"/>.</summary>
    public static IEnumerable<XElement> Named(XElement root, string name) => root.Descendants().Where(e => e.Name.LocalName == name);

    public static IReadOnlyList<string> PartNames(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The 1-based column of a header in row 1.</summary>
    public static int Column(ExcelWorksheet sheet, string header)
    {
        for (var c = 1; c <= sheet.Dimension.End.Column; c++)
        {
            if (Equals(sheet.Cells[1, c].Value, header)) return c;
        }
        throw new InvalidOperationException($"no column '{header}' in {sheet.Name}");
    }

    public static object? Cell(ExcelWorksheet sheet, int row, string header) => sheet.Cells[row, Column(sheet, header)].Value;

    public static string WriteFile(string folder, byte[] bytes, string name = "catalogue.xlsx")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
