using System.Text.Json;
using System.Text.Json.Nodes;
using Convertify.Testing;

namespace Convertify.Markdown.Tests.Support;

/// <summary>Loads many YAML documents with PyYAML (YAML 1.1, <c>yaml.safe_load</c>) in one Python process.</summary>
internal static class PyYaml
{
    private const string Script = """
        import sys, json, datetime, yaml
        out = []
        for text in json.load(sys.stdin):
            try:
                data = yaml.safe_load(text)
                item = {}
                for key, value in data.items():
                    if isinstance(value, datetime.datetime):
                        item[key] = "datetime:" + value.isoformat()
                    elif isinstance(value, list):
                        item[key] = [str(v) for v in value]
                    elif isinstance(value, str):
                        item[key] = value
                    else:
                        item[key] = type(value).__name__ + ":" + str(value)
                out.append(item)
            except Exception as e:
                out.append({"error": repr(e)})
        sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8"))
        """;

    /// <summary>One object per input: string values as strings, datetimes as <c>datetime:ISO</c>, others as <c>type:value</c>, or <c>error</c>.</summary>
    public static JsonArray Load(JsonArray yamlTexts)
    {
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", Script], yamlTexts.ToJsonString(), TimeSpan.FromMinutes(2),
            environment: new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" });
        result.ExitCode.ShouldBe(0, result.ToString());
        var parsed = JsonNode.Parse(result.StandardOutput)!.AsArray();
        parsed.Count.ShouldBe(yamlTexts.Count);
        return parsed;
    }
}
