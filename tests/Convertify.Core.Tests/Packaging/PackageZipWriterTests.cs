using System.IO.Compression;
using System.Text;
using System.Xml;
using Convertify.Packaging;

namespace Convertify.Core.Tests.Packaging;

public sealed class PackageZipWriterTests
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    [Fact]
    public void The_same_parts_give_the_same_bytes_whenever_they_are_written()
    {
        var first = Write(new DateTimeOffset(2021, 3, 4, 5, 6, 8, TimeSpan.FromHours(8)));
        Thread.Sleep(2100); // past the two-second resolution of a ZIP time, so a "now" anywhere would show
        var second = Write(new DateTimeOffset(2021, 3, 4, 5, 6, 8, TimeSpan.FromHours(8)));

        second.ShouldBe(first);
    }

    [Fact]
    public void Entries_keep_the_order_they_were_added_in_their_content_and_the_given_time()
    {
        using var zip = new ZipArchive(new MemoryStream(Write(new DateTimeOffset(2021, 3, 4, 5, 6, 8, TimeSpan.Zero))));

        zip.Entries.Select(e => e.FullName).ShouldBe(["[Content_Types].xml", "word/document.xml", "docProps/copy.xml"]);
        Read(zip.Entries[0]).ShouldBe("<Types/>");
        Read(zip.Entries[1]).ShouldBe("<?xml version=\"1.0\" encoding=\"utf-8\"?><doc>文</doc>");
        Read(zip.Entries[2]).ShouldBe("<Types/>");
        zip.Entries.ShouldAllBe(e => e.LastWriteTime.DateTime == new DateTime(2021, 3, 4, 5, 6, 8));
    }

    [Fact]
    public void Times_outside_what_a_zip_can_hold_are_clamped()
    {
        using var zip = new ZipArchive(new MemoryStream(Write(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero))));

        zip.Entries.ShouldAllBe(e => e.LastWriteTime.DateTime == new DateTime(1980, 1, 1));
    }

    private static byte[] Write(DateTimeOffset time)
    {
        using var source = new MemoryStream();
        using (var other = new ZipArchive(source, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = other.CreateEntry("docProps/copy.xml").Open();
            s.Write("<Types/>"u8);
        }
        source.Position = 0;
        using var readBack = new ZipArchive(source, ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var writer = new PackageZipWriter(output, time))
        {
            writer.Add("[Content_Types].xml", "<Types/>"u8, CompressionLevel.NoCompression);
            writer.AddXml("word/document.xml", Settings, xml => xml.WriteElementString("doc", "文"));
            writer.Copy(readBack.Entries[0]);
        }
        return output.ToArray();
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
