using System.IO.Compression;
using Convertify.Archive;
using Convertify.Excel;
using Convertify.Formats;
using Convertify.Testing;
using Convertify.Word;

namespace Convertify.Fuzz.Tests;

/// <summary>The harness's "every .docx/.xlsx opens" check passes real outputs and fails broken packages.</summary>
public sealed class PackageCheckTests
{
    private static readonly Model.Article Article = new ArchiveArticleReader().Read(
        new ArticleInput("articles/voa/1.md", "<!--1672331948000-->\n[T](https://www.voanews.com/a/1.html)\n------\n\n<p>one</p>\n"u8.ToArray()));

    [Fact]
    public void A_written_docx_passes_and_a_broken_one_fails()
    {
        using var docx = new MemoryStream();
        new WordArticleWriter().Write(Article, docx);
        Should.NotThrow(() => PackageCheck.OpenDocx(docx));

        Should.Throw<OutputCheckException>(() => PackageCheck.OpenDocx(new MemoryStream("not a zip"u8.ToArray())));
        Should.Throw<OutputCheckException>(() => PackageCheck.OpenDocx(WithoutEntry(docx, "word/document.xml")));
    }

    [Fact]
    public void A_written_xlsx_passes_and_a_broken_one_fails()
    {
        using var xlsx = new MemoryStream();
        using (var sink = new ExcelCatalogWriter().Open(xlsx))
        {
            sink.Add(Article);
            sink.Complete();
        }
        Should.NotThrow(() => PackageCheck.OpenXlsx(xlsx));

        Should.Throw<OutputCheckException>(() => PackageCheck.OpenXlsx(new MemoryStream([0x50, 0x4b, 3, 4])));
        Should.Throw<OutputCheckException>(() => PackageCheck.OpenXlsx(Truncated(xlsx)));
    }

    private static MemoryStream WithoutEntry(MemoryStream package, string entry)
    {
        var copy = new MemoryStream(package.ToArray());
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entry)!.Delete();
        }
        return new MemoryStream(copy.ToArray());
    }

    private static MemoryStream Truncated(MemoryStream package) => new(package.ToArray()[..(int)(package.Length / 2)]);
}
