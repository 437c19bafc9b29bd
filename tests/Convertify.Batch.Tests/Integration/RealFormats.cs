using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using Convertify.Conversion;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Integration;

/// <summary>The real reader and writers, and copies of the corpus.</summary>
internal static class RealFormats
{
    public static Converter Converter() =>
        new ConverterBuilder().AddArchiveReader().AddMarkdown().AddWord().AddExcel().Build();

    public static string Zip(string folder, string path)
    {
        ZipFile.CreateFromDirectory(folder, path, CompressionLevel.Fastest, includeBaseDirectory: true);
        return path;
    }

    public static string TarGz(string folder, string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
        return path;
    }

    /// <summary>Copies the corpus articles again and again with fresh ids until there are <paramref name="count"/>; returns the archive folder.</summary>
    public static string ScaledCorpus(string parent, int count)
    {
        var files = Corpus.ArticleFiles();
        var root = Path.Combine(parent, "scaled");
        var id = 2_000_000;
        for (var n = 0; n < count; n++)
        {
            var source = files[n % files.Count];
            var site = Path.GetFileName(Path.GetDirectoryName(source)!);
            var target = Path.Combine(root, "articles", site, (id++).ToString(CultureInfo.InvariantCulture) + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        return root;
    }
}
