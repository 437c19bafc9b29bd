using System.Globalization;
using System.Xml.Linq;
using Convertify.Testing;

namespace Convertify.Excel.Tests;

/// <summary>
/// A catalogue as LibreOffice prints it: converted to PDF (its own profile, so parallel tests do not collide), read back
/// with poppler (<c>pdftotext</c> for each page's text and word boxes, <c>pdftoppm</c> for a page's pixels).
/// </summary>
internal sealed class PrintedCatalog : IDisposable
{
    private readonly TemporaryFolder _folder;
    private readonly string _pdf;
    private readonly string _pdftotext;
    private readonly string _pdftoppm;
    private List<List<Word>>? _pages;

    private PrintedCatalog(TemporaryFolder folder, string pdf, string pdftotext, string pdftoppm)
    {
        _folder = folder;
        _pdf = pdf;
        _pdftotext = pdftotext;
        _pdftoppm = pdftoppm;
    }

    /// <summary>Prints <paramref name="catalogue"/>; skips (or fails, when clients are required) without LibreOffice and poppler.</summary>
    public static PrintedCatalog Print(byte[] catalogue)
    {
        var soffice = ExternalClients.RequireCommand("soffice");
        var pdftotext = ExternalClients.RequireCommand("pdftotext");
        var pdftoppm = ExternalClients.RequireCommand("pdftoppm");
        var folder = new TemporaryFolder();
        try
        {
            var path = CatalogFile.WriteFile(folder.Path, catalogue);
            Convert(soffice, path, folder.Path);
            var pdf = Path.ChangeExtension(path, ".pdf");
            File.Exists(pdf).ShouldBeTrue("LibreOffice wrote no PDF");
            return new PrintedCatalog(folder, pdf, pdftotext, pdftoppm);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    private static void Convert(string soffice, string path, string outputFolder)
    {
        var profile = "file:///tmp/lo-xl-" + Guid.NewGuid().ToString("N");
        try
        {
            var result = ProcessRunner.Run(soffice, ["--headless", "--norestore", "-env:UserInstallation=" + profile, "--convert-to", "pdf", "--outdir", outputFolder, path],
                timeout: TimeSpan.FromMinutes(4));
            result.ExitCode.ShouldBe(0, result.ToString());
        }
        finally
        {
            try
            {
                Directory.Delete(new Uri(profile).LocalPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The words of each page with their boxes, in PDF points from the page's top left.</summary>
    public IReadOnlyList<List<Word>> Pages => _pages ??= ReadWords();

    /// <summary>The text of 1-based page <paramref name="page"/>, laid out as on the page.</summary>
    public string Text(int page) => Poppler(_pdftotext, ["-layout", "-f", Number(page), "-l", Number(page), _pdf, "-"]);

    /// <summary>The 1-based page whose text holds <paramref name="phrase"/> (words in a row), or 0.</summary>
    public int PageWith(params string[] phrase)
    {
        for (var p = 0; p < Pages.Count; p++)
        {
            if (Find(p + 1, phrase) is not null) return p + 1;
        }
        return 0;
    }

    /// <summary>The box around the words of <paramref name="phrase"/> on page <paramref name="page"/>, or null.</summary>
    public Word? Find(int page, params string[] phrase)
    {
        var words = Pages[page - 1];
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            if (phrase.Select((w, k) => words[i + k].Text == w).All(x => x))
            {
                var run = words.Skip(i).Take(phrase.Length).ToList();
                return new Word(string.Join(' ', phrase), run.Min(w => w.XMin), run.Min(w => w.YMin), run.Max(w => w.XMax), run.Max(w => w.YMax));
            }
        }
        return null;
    }

    /// <summary>Whether page <paramref name="page"/> shows every one of <paramref name="headers"/> as a word, all on one line, above every other word but the page's header.</summary>
    public bool HeaderRow(int page, IReadOnlyList<string> headers)
    {
        if (headers.Count == 0)
        {
            return true;
        }
        var words = Pages[page - 1];
        foreach (var first in words.Where(w => w.Text == headers[0]))
        {
            bool OnLine(Word w) => Math.Abs(w.YMax - first.YMax) < 2;
            if (headers.All(h => words.Any(w => w.Text == h && OnLine(w))) && !words.Any(w => w.YMax < first.YMin && !headers.Contains(w.Text)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Page <paramref name="page"/> rasterised at <paramref name="dpi"/>.</summary>
    public Pixmap Render(int page, int dpi)
    {
        var prefix = Path.Combine(_folder.Path, "page" + Number(page));
        Poppler(_pdftoppm, ["-r", Number(dpi), "-f", Number(page), "-l", Number(page), "-singlefile", _pdf, prefix]);
        return Pixmap.Read(prefix + ".ppm");
    }

    public void Dispose() => _folder.Dispose();

    private List<List<Word>> ReadWords()
    {
        var html = XDocument.Parse(Poppler(_pdftotext, ["-bbox", _pdf, "-"]));
        double D(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        return html.Descendants().Where(e => e.Name.LocalName == "page")
            .Select(page => page.Elements().Where(e => e.Name.LocalName == "word")
                .Select(w => new Word(w.Value, D(w, "xMin"), D(w, "yMin"), D(w, "xMax"), D(w, "yMax"))).ToList())
            .ToList();
    }

    private static string Poppler(string tool, string[] arguments)
    {
        var result = ProcessRunner.Run(tool, arguments, timeout: TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.StandardOutput;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A word (or phrase) and its box in points.</summary>
    public sealed record Word(string Text, double XMin, double YMin, double XMax, double YMax);
}
