using System.Globalization;
using System.Text.Json;
using Convertify.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Convertify.Robustness.Tests.Support;

/// <summary>Parses front matter back with YamlDotNet (in process) and PyYAML (one Python process per batch).</summary>
internal static class FrontMatterCheck
{
    public static List<string> YamlDotNetProblems(FrontMatterCase c)
    {
        var problems = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(c.Yaml));
        }
        catch (YamlException e)
        {
            return [$"YamlDotNet cannot parse the front matter: {e.Message}"];
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            return ["the front matter is not a single mapping"];
        }
        var keys = map.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? "?").ToList();
        var expected = c.AllKeys.ToHashSet(StringComparer.Ordinal);
        if (keys.Count != expected.Count || !keys.All(expected.Contains))
        {
            problems.Add($"keys [{string.Join(", ", keys)}] differ from the expected [{string.Join(", ", expected)}]");
        }
        foreach (var (key, value) in c.Strings)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlScalarNode scalar)
            {
                problems.Add($"{key}: missing or not a scalar");
            }
            else if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
            {
                problems.Add($"{key}: written as a plain scalar, its type depends on the text");
            }
            else if (value is not null && scalar.Value != value)
            {
                problems.Add($"{key}: reads back as {Show(scalar.Value)}, expected {Show(value)}");
            }
        }
        foreach (var (key, value) in c.Dates)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlScalarNode scalar ||
                !DateTimeOffset.TryParse(scalar.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || parsed != value)
            {
                problems.Add($"{key}: does not read back as {value:O}");
            }
        }
        foreach (var (key, values) in c.Lists)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlSequenceNode sequence ||
                !sequence.Children.Select(n => (n as YamlScalarNode)?.Value).SequenceEqual(values))
            {
                problems.Add($"{key}: does not read back as the list [{string.Join(", ", values.Select(Show))}]");
            }
        }
        return problems;
    }

    /// <summary>Checks every case under PyYAML's YAML 1.1 resolver; returns one line per problem.</summary>
    public static List<string> PyYamlProblems(IReadOnlyList<FrontMatterCase> cases)
    {
        if (cases.Count == 0)
        {
            return [];
        }
        ExternalClients.RequirePythonModules("yaml");
        var payload = JsonSerializer.Serialize(cases.Select(c => new Dictionary<string, object?>
        {
            ["label"] = c.Label,
            ["yaml"] = c.Yaml,
            ["strings"] = c.Strings,
            ["dates"] = c.Dates.ToDictionary(d => d.Key, d => d.Value.ToUnixTimeMilliseconds() * 1000 + d.Value.Ticks % TimeSpan.TicksPerMillisecond / 10),
            ["lists"] = c.Lists,
            ["keys"] = c.AllKeys.ToList(),
        }).ToList());
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", Script], standardInput: payload, timeout: TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            return [$"PyYAML check failed to run: {result}"];
        }
        return JsonSerializer.Deserialize<List<string>>(result.StandardOutput) ?? ["PyYAML check printed nothing"];
    }

    private static string Show(string? text) => JsonSerializer.Serialize(text);

    private const string Script = """
        import sys, json, datetime, yaml
        cases = json.loads(sys.stdin.buffer.read().decode('utf-8'))
        problems = []
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        for c in cases:
            label = c['label']
            try:
                data = yaml.safe_load(c['yaml'])
            except Exception as e:
                problems.append('%s: PyYAML cannot parse the front matter: %s' % (label, str(e).replace('\n', ' ')))
                continue
            if not isinstance(data, dict):
                problems.append('%s: the front matter is not a mapping' % label)
                continue
            if sorted(data.keys()) != sorted(c['keys']):
                problems.append('%s: keys %r differ from %r' % (label, sorted(data.keys()), sorted(c['keys'])))
            for k, v in c['strings'].items():
                got = data.get(k)
                if not isinstance(got, str):
                    problems.append('%s: %s is %s, not a string' % (label, k, type(got).__name__))
                elif v is not None and got != v:
                    problems.append('%s: %s reads back as %r, expected %r' % (label, k, got, v))
            for k, v in c['dates'].items():
                got = data.get(k)
                if not isinstance(got, datetime.datetime):
                    problems.append('%s: %s is %s, not a timestamp' % (label, k, type(got).__name__))
                    continue
                if got.tzinfo is None:
                    got = got.replace(tzinfo=datetime.timezone.utc)
                delta = got - epoch
                micros = (delta.days * 86400 + delta.seconds) * 1000000 + delta.microseconds
                if micros != v:
                    problems.append('%s: %s reads back as %s' % (label, k, got.isoformat()))
            for k, v in c['lists'].items():
                if data.get(k) != v:
                    problems.append('%s: %s reads back as %r, expected %r' % (label, k, data.get(k), v))
        sys.stdout.write(json.dumps(problems))
        """;
}
