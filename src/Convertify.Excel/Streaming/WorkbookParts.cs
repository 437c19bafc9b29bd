using System.IO.Compression;
using System.Xml.Linq;

namespace Convertify.Excel;

/// <summary>Where a workbook package keeps its sheets and its shared strings, found through its relationships.</summary>
internal sealed class WorkbookParts
{
    private static readonly XNamespace OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private WorkbookParts(Dictionary<string, string> sheets, string? sharedStrings)
    {
        Sheets = sheets;
        SharedStrings = sharedStrings;
    }

    /// <summary>Sheet name to part name, e.g. <c>Articles</c> to <c>xl/worksheets/sheet1.xml</c>.</summary>
    public IReadOnlyDictionary<string, string> Sheets { get; }

    /// <summary>The shared-string table's part name, when there is one.</summary>
    public string? SharedStrings { get; }

    /// <exception cref="InvalidDataException">The package is not a workbook.</exception>
    /// <exception cref="System.Xml.XmlException">A part it reads is not XML.</exception>
    public static WorkbookParts Read(ZipArchive package)
    {
        var workbookPart = Targets(package, "_rels/.rels", string.Empty)
            .FirstOrDefault(t => t.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            ?? throw new InvalidDataException("the package has no workbook");
        var folder = workbookPart.Contains('/') ? workbookPart[..(workbookPart.LastIndexOf('/') + 1)] : string.Empty;
        var relationships = Targets(package, RelationshipsPartName(workbookPart), folder).ToList();
        var targets = relationships.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Target, StringComparer.Ordinal);
        XDocument workbook;
        using (var stream = Open(package, workbookPart))
        {
            workbook = XDocument.Load(stream);
        }
        var sheets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Descendants().Where(e => e.Name.LocalName == "sheet"))
        {
            if ((string?)sheet.Attribute("name") is { } name && (string?)sheet.Attribute(OfficeRelationships + "id") is { } id &&
                targets.TryGetValue(id, out var target))
            {
                sheets.TryAdd(name, target);
            }
        }
        var sharedStrings = relationships.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        return new WorkbookParts(sheets, sharedStrings);
    }

    /// <summary>The relationships part of a part: <c>xl/worksheets/sheet1.xml</c> → <c>xl/worksheets/_rels/sheet1.xml.rels</c>.</summary>
    public static string RelationshipsPartName(string partName)
    {
        var slash = partName.LastIndexOf('/');
        return partName[..(slash + 1)] + "_rels/" + partName[(slash + 1)..] + ".rels";
    }

    /// <exception cref="InvalidDataException">The package has no such part.</exception>
    public static Stream Open(ZipArchive package, string partName) =>
        (package.GetEntry(partName) ?? throw new InvalidDataException($"the package has no part {partName}")).Open();

    private static IEnumerable<(string Id, string Type, string Target)> Targets(ZipArchive package, string relationshipsPart, string folder)
    {
        XDocument document;
        using (var stream = Open(package, relationshipsPart))
        {
            document = XDocument.Load(stream);
        }
        foreach (var relationship in document.Root?.Elements(PackageRelationships + "Relationship") ?? [])
        {
            var target = (string?)relationship.Attribute("Target") ?? string.Empty;
            yield return ((string?)relationship.Attribute("Id") ?? string.Empty, (string?)relationship.Attribute("Type") ?? string.Empty,
                target.StartsWith('/') ? target[1..] : Resolve(folder + target));
        }
    }

    /// <summary>Removes <c>..</c> and <c>.</c> segments.</summary>
    private static string Resolve(string path)
    {
        if (!path.Contains("./", StringComparison.Ordinal))
        {
            return path;
        }
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }
        return string.Join('/', segments);
    }
}
