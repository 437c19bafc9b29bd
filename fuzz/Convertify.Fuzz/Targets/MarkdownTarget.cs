using Convertify.Markdown;

namespace Convertify.Fuzz.Targets;

/// <summary>Reads the input as an archive file and writes the article as Markdown.</summary>
internal sealed class MarkdownTarget : IFuzzTarget
{
    private readonly FuzzReader _reader = new();
    private readonly MarkdownArticleWriter _writer = new();

    public string Name => "md";

    public string Description => "archive read, then the Markdown writer; the writer must not throw and must start with front matter";

    public void Run(byte[] input)
    {
        if (_reader.Read(input) is not { } article)
        {
            return;
        }
        var markdown = _writer.WriteToString(article);
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new OutputCheckException("md: the output does not start with a front matter block");
        }
    }

    public byte[] SeedFrom(string fixturePath, byte[] fixture) => fixture;
}
