// Each common case in one line: dotnet run -- articles/voa/1008001.md
using Convertify;

var path = args[0];
var text = File.ReadAllText(path);

string markdown = Articles.ToMarkdown(text);                 // an article's text → Markdown with front matter
string markdownOfFile = Articles.FileToMarkdown(path);       // an article file → Markdown
byte[] docx = Articles.ToDocx(text);                         // an article's text → .docx bytes
byte[] docxOfFile = Articles.FileToDocx(path);               // an article file → .docx bytes
await using var stream = File.OpenRead(path);
string markdownOfStream = await Articles.ToMarkdownAsync(stream, path);   // a stream → Markdown

// The model and the converter behind the one-liners, for everything else:
var article = Articles.ReadFile(path);
string viaConverter = Articles.Converter.WriteToString(article, "md");
byte[] docxViaConverter = Articles.Converter.WriteToBytes(article, "docx");

return OneLine.Checks.Run(article, markdown, markdownOfFile, markdownOfStream, viaConverter, docx, docxOfFile, docxViaConverter);
