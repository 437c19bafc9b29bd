using System.Xml.Linq;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Testing;
using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

/// <summary>
/// <c>word/document.xml</c> of every fixture article, pretty-printed, against <c>fixtures/expected/docx/&lt;site&gt;/&lt;id&gt;.document.xml</c>.
/// <c>CONVERTIFY_UPDATE_GOLDEN=1</c> rewrites the expected files.
/// </summary>
public sealed class GoldenTests
{
    private static bool Update => Environment.GetEnvironmentVariable("CONVERTIFY_UPDATE_GOLDEN") == "1";

    internal static IReadOnlyList<(string Name, string Path)> FixtureArticles()
    {
        var root = Path.Combine(TestPaths.Fixtures, "articles");
        if (!Directory.Exists(root))
        {
            Assert.Skip("no fixtures/articles yet (they come with the archive branch)");
        }
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => (Name: Path.ChangeExtension(Path.GetRelativePath(root, f), null).Replace('\\', '/'), Path: f))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        files.ShouldNotBeEmpty();
        return files;
    }

    internal static string PrettyDocumentXml(byte[] docx)
    {
        var document = XDocument.Parse(Docx.PartText(docx, "word/document.xml"), LoadOptions.PreserveWhitespace);
        return document.Declaration + "\n" + document.Root!.ToString(SaveOptions.None).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    [Fact]
    public void Document_xml_of_each_fixture_matches_its_golden_file()
    {
        var reader = new ArchiveArticleReader();
        var failures = new List<string>();
        foreach (var (name, path) in FixtureArticles())
        {
            var article = reader.Read(ArticleInput.FromFile(path));
            var actual = PrettyDocumentXml(Docx.Write(article));
            var expectedPath = Path.Combine(TestPaths.Fixtures, "expected", "docx", name + ".document.xml");
            if (Update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
                File.WriteAllText(expectedPath, actual);
                continue;
            }
            if (!File.Exists(expectedPath))
            {
                failures.Add($"{name}: no golden file {expectedPath} (run with CONVERTIFY_UPDATE_GOLDEN=1)");
                continue;
            }
            var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (expected != actual)
            {
                failures.Add($"{name}: document.xml differs from {expectedPath}\n{FirstDifference(expected, actual)}");
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right)
            {
                return $"  line {i + 1}\n  expected: {left}\n  actual:   {right}";
            }
        }
        return "  (no line differs)";
    }
}
