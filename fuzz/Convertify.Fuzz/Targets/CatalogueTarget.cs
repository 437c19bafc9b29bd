using Convertify.Excel;
using Convertify.Formats;

namespace Convertify.Fuzz.Targets;

/// <summary>Reads the input as an archive file, writes a one-row catalogue and opens it again with the Open XML SDK.</summary>
internal sealed class CatalogueTarget : IFuzzTarget
{
    private static readonly CatalogOptions Options = new("fuzz", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly Dictionary<string, string> Outputs = new() { ["md"] = "out/1048000.md", ["docx"] = "out/1048000.docx" };

    private readonly FuzzReader _reader = new();
    private readonly ExcelCatalogWriter _writer = new();
    private readonly MemoryStream _output = new();

    public string Name => "xlsx";

    public string Description => "archive read, then a catalogue of that article; the .xlsx must open with SpreadsheetDocument.Open and its sheets load";

    public void Run(byte[] input)
    {
        if (_reader.Read(input) is not { } article)
        {
            return;
        }
        _output.SetLength(0);
        using (var sink = _writer.Open(_output, Options))
        {
            sink.Add(article, Outputs);
            sink.Complete();
        }
        PackageCheck.OpenXlsx(_output);
    }

    public byte[] SeedFrom(string fixturePath, byte[] fixture) => fixture;
}
