namespace Convertify.Fuzz.Targets;

/// <summary>The whole input as an archive file: header frame, HTML, site rules, dates.</summary>
internal sealed class ArchiveTarget : IFuzzTarget
{
    private readonly FuzzReader _reader = new();

    public string Name => "archive";

    public string Description => "the bytes as an archive article file; the reader returns an article or throws ArticleFormatException";

    public void Run(byte[] input) => _reader.Read(input);

    public byte[] SeedFrom(string fixturePath, byte[] fixture) => fixture;
}
