using Convertify.Word;

namespace Convertify.Fuzz.Targets;

/// <summary>Reads the input as an archive file, writes a .docx and opens it again with the Open XML SDK.</summary>
internal sealed class WordTarget : IFuzzTarget
{
    private readonly FuzzReader _reader = new();
    private readonly WordArticleWriter _writer = new();
    private readonly MemoryStream _output = new();

    public string Name => "docx";

    public string Description => "archive read, then the Word writer; the .docx must open with WordprocessingDocument.Open and its body load";

    public void Run(byte[] input)
    {
        if (_reader.Read(input) is not { } article)
        {
            return;
        }
        _output.SetLength(0);
        _writer.Write(article, _output);
        PackageCheck.OpenDocx(_output);
    }

    public byte[] SeedFrom(string fixturePath, byte[] fixture) => fixture;
}
