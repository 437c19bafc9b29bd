using System.Text;

namespace Convertify.Fuzz.Targets;

/// <summary>
/// The HTML normalisation: the input is an article body behind a valid header, so no mutation is spent on the frame.
/// The first byte picks the site folder (and with it the site's rules); the rest is the body.
/// </summary>
internal sealed class HtmlTarget : IFuzzTarget
{
    /// <summary>The fixtures' site folders, then one no rule knows.</summary>
    public static readonly string[] Sites = ["voa", "dw", "bbc", "rfi", "nyt", "reuters", "ft", "rfa", "cdt", "fuzz"];

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("<!--1672331948000-->\n[Fuzz title](https://example.com/a/1.html)\n------\n\n");
    private static readonly byte[] Rule = Encoding.UTF8.GetBytes("\n------\n");

    private readonly FuzzReader _reader = new();

    public string Name => "html";

    public string Description => "the bytes (after a site-picking first byte) as the body behind a valid header; article or ArticleFormatException";

    public void Run(byte[] input)
    {
        var site = input.Length == 0 ? Sites[^1] : Sites[input[0] % Sites.Length];
        var body = input.AsSpan(Math.Min(1, input.Length));
        var file = new byte[Header.Length + body.Length];
        Header.CopyTo(file, 0);
        body.CopyTo(file.AsSpan(Header.Length));
        _reader.Read(file, $"articles/{site}/1048000.md");
    }

    public byte[] SeedFrom(string fixturePath, byte[] fixture)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(fixturePath)) ?? "";
        var site = Array.IndexOf(Sites, folder);
        var rule = fixture.AsSpan().IndexOf(Rule);
        var body = rule < 0 ? fixture.AsSpan() : fixture.AsSpan(rule + Rule.Length).TrimStart((byte)'\n');
        var seed = new byte[body.Length + 1];
        seed[0] = (byte)(site < 0 ? Sites.Length - 1 : site);
        body.CopyTo(seed.AsSpan(1));
        return seed;
    }
}
