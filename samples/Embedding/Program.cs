// Runs the uses of docs/embedding.md on the repository's fixtures and checks what they produce:
//   dotnet run -- <repository>/fixtures <output folder>
using System.Text;
using Convertify.Conversion;
using Convertify.Model;
using Embedding;

var fixtures = args[0];
var output = Directory.CreateDirectory(args[1]).FullName;
var problems = new List<string>();
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok) problems.Add(what);
}
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var articles = Path.Combine(fixtures, "articles");
var sample = Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
var name = "articles/" + Path.GetRelativePath(articles, sample).Replace('\\', '/');

// 1. Stream in, Markdown out; and the same article from a string.
await using (var source = File.OpenRead(sample))
using (var destination = new MemoryStream())
{
    var article = await CmsImporter.ImportAsync(source, name, destination, timeout.Token);
    var markdown = Encoding.UTF8.GetString(destination.ToArray());
    Check(markdown.StartsWith("# ", StringComparison.Ordinal) && article.Metadata.Title.Length > 0,
        $"use 1: {name} imported as Markdown with a title heading ({markdown.Length} chars)");
    var again = CmsImporter.Read(await File.ReadAllTextAsync(sample, timeout.Token), name);
    Check(again.Metadata.Id == article.Metadata.Id && again.Metadata.Title == article.Metadata.Title,
        $"use 1: read from a string gives the same article ({article.Metadata.Id})");
}

// 2. A whole folder with progress; bad inputs are reported, not thrown; cancellation stops the run.
var expected = Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Count();
var written = await SitePipeline.BuildAsync(articles, Path.Combine(output, "content"), timeout.Token);
var outputs = Directory.EnumerateFiles(Path.Combine(output, "content"), "*.md", SearchOption.AllDirectories).Count();
Check(written == expected && outputs == expected, $"use 2: {written} of {expected} fixture articles written as content/<site>/<id>.md");
var bad = Path.Combine(fixtures, "bad");
var badInputs = Directory.EnumerateFiles(bad, "*.md").Count();
var goodOfBad = await SitePipeline.BuildAsync(bad, Path.Combine(output, "bad"), timeout.Token);
Check(goodOfBad < badInputs, $"use 2: {badInputs - goodOfBad} of {badInputs} bad inputs skipped with a reason, the run went on");
using (var cancelled = new CancellationTokenSource())
{
    await cancelled.CancelAsync();
    var convertedBeforeCancel = await SitePipeline.BuildAsync(articles, Path.Combine(output, "cancelled"), cancelled.Token);
    Check(convertedBeforeCancel == 0 && !Directory.Exists(Path.Combine(output, "cancelled")),
        "use 2: a run cancelled before it starts returns, reports every input cancelled, and writes nothing");
}

// 3. The host's own writer, registered through the builder.
var html = Path.Combine(output, "article.html");
HtmlExport.Convert(sample, html);
var page = await File.ReadAllTextAsync(html, timeout.Token);
Check(page.StartsWith("<!doctype html>", StringComparison.Ordinal) && page.Contains("<h1>", StringComparison.Ordinal) && page.Contains("<p>", StringComparison.Ordinal),
    $"use 3: {name} written by the host's HtmlArticleWriter ({page.Length} chars)");

// 4. The host's own reader, registered through the builder: its input is sniffed, and archive articles still read.
var story = Path.Combine(output, "story-17.json");
await File.WriteAllTextAsync(story, """
    {"title": "Harbour ferry runs again", "url": "https://cms.example.org/stories/17", "published": "2024-03-05T08:30:00+01:00",
     "site": "example", "paragraphs": ["The ferry ran again on Tuesday.", "Passengers queued from dawn."]}
    """, timeout.Token);
JsonImport.ToMarkdown(story, Path.Combine(output, "story-17.md"));
var storyMarkdown = await File.ReadAllTextAsync(Path.Combine(output, "story-17.md"), timeout.Token);
Check(storyMarkdown.Contains("title: \"Harbour ferry runs again\"", StringComparison.Ordinal) && storyMarkdown.Contains("Passengers queued from dawn.", StringComparison.Ordinal)
      && storyMarkdown.Contains("id: \"example/story-17\"", StringComparison.Ordinal),
    "use 4: a CMS story read by the host's JsonArticleReader and written as Markdown");
JsonImport.ToMarkdown(sample, Path.Combine(output, "archive-too.md"));
Check(File.Exists(Path.Combine(output, "archive-too.md")), $"use 4: {name} still read by the archive reader beside it");
var broken = Path.Combine(output, "broken.json");
await File.WriteAllTextAsync(broken, "{\"title\": \"no body\"}", timeout.Token);
try
{
    JsonImport.ToMarkdown(broken, Path.Combine(output, "broken.md"));
    Check(false, "use 4: a story without its fields is refused");
}
catch (Convertify.Errors.ArticleFormatException e)
{
    Check(e.Message.StartsWith(broken, StringComparison.Ordinal) && !File.Exists(Path.Combine(output, "broken.md")),
        $"use 4: a story without its fields is refused in one line: {e.Message}");
}

// 5. Editing an article: the derived facts follow the body.
var pictured = Path.Combine(articles, "voa", "1090001.md");
var editingConverter = new ConverterBuilder().AddArchiveReader().AddMarkdown().Build();
var withPictures = editingConverter.ReadFile(pictured);
var firstPicture = BlockWalker.Figures(withPictures.Body).First().ImageUrl;
var edited = ArticleEditing.WithoutFirstPicture(withPictures);
var editedMarkdown = editingConverter.WriteToString(edited, "md");
Check(edited.Statistics.Images == withPictures.Statistics.Images - 1 && edited.Metadata.LeadImage != firstPicture
      && !editedMarkdown.Contains(firstPicture, StringComparison.Ordinal),
    $"use 5: without its first picture the article counts {edited.Statistics.Images} image(s) and its front matter names the next ({edited.Metadata.LeadImage ?? "none"})");

Console.WriteLine(problems.Count == 0 ? "embedding examples: all checks passed" : $"embedding examples: {problems.Count} checks failed");
return problems.Count == 0 ? 0 : 1;
