// Converts one archive article to Word: dotnet run -- articles/voa/1008001.md article.docx
using Convertify.Conversion;

using var converter = new ConverterBuilder().AddDocumentFormats().Build();
var article = await converter.ReadFileAsync(args[0]);
converter.WriteFile(article, "docx", args[1]);
Console.WriteLine($"{article.Metadata.Title} -> {args[1]}");
