using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Convertify.Archive.Indexes;
using Convertify.Conversion;

namespace Convertify.Batch.Tests.Fakes;

/// <summary>Builds small archive trees of invented articles, and the converters that read them.</summary>
internal static class TestArchive
{
    public static readonly DateTimeOffset BaseTime = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Article(string title, string url, string body, DateTimeOffset? feed = null) =>
        $"<!--{(feed ?? BaseTime).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-->\n[{title}]({url})\n------\n\n{body}\n";

    /// <summary>Writes a tree with articles from three sites, a list page and a non-article file; returns the archive folder.</summary>
    public static string WriteSample(string parent, int perSite = 3)
    {
        var root = Path.Combine(parent, "archive");
        var sites = new[] { "voa", "dw", "bbc" };
        for (var s = 0; s < sites.Length; s++)
        {
            for (var i = 0; i < perSite; i++)
            {
                var id = 1000 + s * 100 + i;
                var lang = sites[s] == "bbc" ? " lang=en" : "";
                Write(root, $"articles/{sites[s]}/{id}.md",
                    Article($"Title {sites[s]} {id}", $"https://{sites[s]}.example/a/{id}", $"Body of {sites[s]} article {id}.{lang}",
                        BaseTime.AddDays(i * 10)));
            }
        }
        Write(root, "lists/Sample.md", "Sample\n------\n\n3-1 [Title voa 1000](/articles/voa/1000.md)\n\n3-1 [Another title](/articles/VOA/1001_Another%20title.md)\n\n3-1 [Gone](/articles/voa/9999.md)\n");
        Write(root, "MANIFEST.tsv", "not an article\n");
        return root;
    }

    public static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public static string Zip(string folder, string path)
    {
        ZipFile.CreateFromDirectory(folder, path);
        return path;
    }

    public static string TarGz(string folder, string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: true);
        return path;
    }

    public static Converter Converter(params FakeWriter[] writers)
    {
        var builder = new ConverterBuilder().AddReader(new FakeReader()).AddIndexPageReader(new ArchiveIndexPages()).AddCatalogWriter(new FakeCatalogWriter());
        foreach (var writer in writers.Length > 0 ? writers : [new FakeWriter("md", ".md"), new FakeWriter("docx", ".docx")])
        {
            builder.AddWriter(writer);
        }
        return builder.Build();
    }

    public static BatchOptions Options(string output, params string[] formats) => new()
    {
        Formats = formats.Length > 0 ? formats : ["md", "docx", "xlsx"],
        OutputDirectory = output,
        Jobs = 2,
    };

    /// <summary>Every file under a folder (relative path and SHA-256 of its bytes), the report and the state folder left out.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder, bool outputsOnly = true)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (outputsOnly && (relative == BatchReport.FileName || relative.StartsWith(".convertify/", StringComparison.Ordinal)))
            {
                continue;
            }
            files[relative] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        }
        return files;
    }
}
