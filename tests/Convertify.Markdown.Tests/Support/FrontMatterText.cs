using YamlDotNet.RepresentationModel;

namespace Convertify.Markdown.Tests.Support;

/// <summary>Splits and reads the front matter of written Markdown.</summary>
internal static class FrontMatterText
{
    /// <summary>The YAML between the opening and closing <c>---</c> lines; fails when the document has none.</summary>
    public static string Yaml(string markdown)
    {
        markdown.ShouldStartWith("---\n");
        var end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        end.ShouldBeGreaterThan(0, "no closing --- line");
        return markdown[4..(end + 1)];
    }

    /// <summary>The body after the front matter.</summary>
    public static string Body(string markdown)
    {
        var end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return markdown[(end + 5)..];
    }

    /// <summary>Reads the YAML with YamlDotNet's parser into a key -> node map.</summary>
    public static Dictionary<string, YamlNode> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        stream.Documents.Count.ShouldBe(1);
        var mapping = (YamlMappingNode)stream.Documents[0].RootNode;
        return mapping.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value, StringComparer.Ordinal);
    }

    public static string Scalar(Dictionary<string, YamlNode> map, string key) => ((YamlScalarNode)map[key]).Value!;

    public static List<string> Sequence(Dictionary<string, YamlNode> map, string key) =>
        ((YamlSequenceNode)map[key]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
}
