using System.Runtime.InteropServices;
using Convertify.Batch.Indexes;
using Convertify.Batch.Output;
using Convertify.Batch.Spill;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>The report's inputs and duplicate groups, assembled from scratch files, against a plain in-memory reckoning.</summary>
public sealed class ReportAssemblerTests
{
    private static readonly string[] Extensions = [".md", ".docx"];

    private sealed record Input(string Path, BatchInputResult? Result, ArticleSummary? Summary);

    private static List<Input> Inputs(int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new List<Input>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        while (inputs.Count < count)
        {
            var site = random.Next(3) switch { 0 => "voa", 1 => "bbc", _ => "dw-x" };
            var path = $"articles/{site}/{random.Next(1, 20 * count)}.md";
            if (!used.Add(path))
            {
                continue;
            }
            var kind = random.Next(10);
            if (kind == 0)
            {
                inputs.Add(new Input(path, null, null));
                continue;
            }
            if (kind == 1)
            {
                inputs.Add(new Input(path, new BatchInputResult(path, BatchStatus.Failed, "broken"), null));
                continue;
            }
            var url = random.Next(4) == 0 ? "" : $"https://example.org/{random.Next(count / 3)}?ü";
            var hash = random.Next(5) switch
            {
                0 => "",
                1 => $"text-{random.Next(20)}",
                _ => random.Next(count / 2).ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
            };
            var published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddHours(random.Next(10000));
            var summary = new ArticleSummary(path, $"Title {random.Next()}", url, ArticleSummary.HashKey(hash), published, published.AddMinutes(5));
            var warnings = random.Next(3) == 0 ? new[] { "a warning", "another" } : null;
            inputs.Add(new Input(path, new BatchInputResult(path, BatchStatus.Converted, null, "1", new OutputNames(path, Extensions), warnings), summary));
        }
        return inputs;
    }

    /// <summary>What the report held when everything was kept in memory (the run's former end).</summary>
    private static (List<BatchInputResult> Inputs, List<BatchDuplicate> Duplicates) Reference(List<Input> inputs)
    {
        var results = inputs.Select(i => i.Result ?? new BatchInputResult(i.Path, BatchStatus.Cancelled, "not processed"))
            .OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        var summaries = inputs.Where(i => i.Summary is not null).Select(i => i.Summary!).OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList();
        var duplicates = new List<BatchDuplicate>();
        var duplicateOf = new Dictionary<string, string>(StringComparer.Ordinal);
        void Group<TKey>(string kind, Func<ArticleSummary, TKey> key, Func<ArticleSummary, bool> usable, Func<TKey, string> label)
            where TKey : notnull
        {
            foreach (var group in summaries.Where(usable).GroupBy(key).Where(g => g.Count() > 1))
            {
                var paths = group.Select(s => s.RelativePath).ToList();
                duplicates.Add(new BatchDuplicate(kind, label(group.Key), paths));
                foreach (var later in paths.Skip(1))
                {
                    duplicateOf.TryAdd(later, paths[0]);
                }
            }
        }
        Group("url", s => s.OriginalUrl, s => s.OriginalUrl.Length > 0, k => k);
        Group("content", s => s.ContentKey, s => !s.ContentKey.IsEmpty, k => k.ToString());
        results = results.Select(r => duplicateOf.TryGetValue(r.Path, out var first) ? r with { DuplicateOf = first } : r).ToList();
        return (results, duplicates.OrderBy(d => d.Paths[0], StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList());
    }

    private static string Show(BatchInputResult r) =>
        $"{r.Path}|{r.Status}|{r.Reason}|{r.Id}|{string.Join(',', r.Outputs ?? [])}|{string.Join(',', r.Warnings ?? [])}|{r.DuplicateOf}";

    [Theory]
    [InlineData(true, 4 << 20)]
    [InlineData(false, 4 << 20)]
    [InlineData(false, 2048)]
    [InlineData(true, 2048)]
    public void Inputs_and_duplicates_come_out_as_an_in_memory_reckoning_gives_them(bool inPathOrder, int sortMemory)
    {
        using var temp = new TemporaryFolder();
        var inputs = Inputs(2000, inPathOrder ? 3 : 4);
        if (inPathOrder)
        {
            inputs = [.. inputs.OrderBy(i => i.Path, StringComparer.Ordinal)];
        }
        using var paths = new RecordSpool(temp.Path);
        using var results = new RecordSpool(temp.Path);
        var writer = new RecordWriter();
        // Results arrive in any order, as workers finish.
        foreach (var (input, number) in inputs.Select((input, number) => (input, number)).OrderBy(p => p.number % 7))
        {
            if (input.Result is not null)
            {
                results.Write(number, InputRecord.Write(writer, input.Result, input.Summary));
            }
        }
        foreach (var input in inputs)
        {
            paths.Append(MemoryMarshal.AsBytes(input.Path.AsSpan()));
        }

        using var assembler = new ReportAssembler(paths, results, inputs.Count, inPathOrder, Extensions, "not processed",
            Array.Empty<ListIndexEntry>(), [temp.Path], sortMemory);
        var (assembled, duplicates, totals) = assembler.Assemble();

        var (expected, expectedDuplicates) = Reference(inputs);
        assembled.Count.ShouldBe(expected.Count);
        assembled.Select(Show).ShouldBe(expected.Select(Show));
        Enumerable.Range(0, assembled.Count).Select(i => Show(assembled[i])).ShouldBe(expected.Select(Show));
        expectedDuplicates.Count.ShouldBeGreaterThan(10);
        expected.Count(r => r.DuplicateOf is not null).ShouldBeGreaterThan(10);
        duplicates.Select(d => $"{d.Kind}|{d.Key}|{string.Join(',', d.Paths)}")
            .ShouldBe(expectedDuplicates.Select(d => $"{d.Kind}|{d.Key}|{string.Join(',', d.Paths)}"));
        totals.ShouldBe(BatchTotals.Of(expected));
        totals.Cancelled.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_record_reads_back_every_field_exactly()
    {
        var writer = new RecordWriter();
        var published = new DateTimeOffset(2021, 3, 2, 10, 30, 0, TimeSpan.FromHours(-5));
        var summary = new ArticleSummary("articles/voa/2.md", "Title \ud800 lone", "https://example.org/ü", ArticleSummary.HashKey("not-hex"), published,
            published.AddDays(1).ToUniversalTime());
        var result = new BatchInputResult("articles/voa/2.md", BatchStatus.Unchanged, "unchanged since the last run", "2",
            new OutputNames("articles/voa/2.md", Extensions), ["w1", ""], "articles/voa/1.md");
        var record = InputRecord.Write(writer, result, summary).ToArray();

        Show(InputRecord.ReadResult(record, Extensions)).ShouldBe(Show(result));
        InputRecord.ReadResult(record, Extensions).Outputs.ShouldBe(["articles/voa/2.md", "articles/voa/2.docx"]);
        InputRecord.ReadSummary(record).ShouldBe(summary);

        var bare = new BatchInputResult("x\u0000y", BatchStatus.Failed, null, null, ["explicit.md"]);
        var bareRecord = InputRecord.Write(writer, bare).ToArray();
        Show(InputRecord.ReadResult(bareRecord, Extensions)).ShouldBe(Show(bare));
        InputRecord.ReadSummary(bareRecord).ShouldBeNull();
        var hexSummary = summary with { ContentKey = ArticleSummary.HashKey(new string('f', 32)) };
        InputRecord.ReadSummary(InputRecord.Write(writer, result, hexSummary)).ShouldBe(hexSummary);
    }

    [Fact]
    public void An_amended_record_gets_its_link_and_warnings_and_keeps_every_other_field()
    {
        var writer = new RecordWriter();
        var published = new DateTimeOffset(2021, 3, 2, 10, 30, 0, TimeSpan.Zero);
        var summary = new ArticleSummary("articles/voa/2.md", "T", "https://example.org/", ArticleSummary.HashKey("k"), published, published);
        var result = new BatchInputResult("articles/voa/2.md", BatchStatus.Converted, "why \"not\"", "2",
            new OutputNames("articles/voa/2.md", Extensions), ["w1", ""]);
        var record = InputRecord.Write(new RecordWriter(), result, summary).ToArray();

        var amended = InputRecord.WriteAmended(writer, record, true, "articles/voa/1.md", ["from an index"]).ToArray();
        Show(InputRecord.ReadResult(amended, Extensions))
            .ShouldBe(Show(result with { DuplicateOf = "articles/voa/1.md", Warnings = ["w1", "", "from an index"] }));
        InputRecord.ReadSummary(amended).ShouldBeNull("the report's records leave the summary out");

        Show(InputRecord.ReadResult(InputRecord.WriteAmended(writer, record, true, "", null), Extensions))
            .ShouldBe(Show(result with { DuplicateOf = "" }));
        var linked = result with { DuplicateOf = "articles/voa/0.md", Outputs = [], Warnings = null, Reason = null };
        var linkedRecord = InputRecord.Write(new RecordWriter(), linked).ToArray();
        var unchanged = InputRecord.ReadResult(InputRecord.WriteAmended(writer, linkedRecord, false, default, null), Extensions);
        Show(unchanged).ShouldBe(Show(linked));
        unchanged.Outputs.ShouldBe([]);
        unchanged.Warnings.ShouldBeNull();
        InputRecord.ReadResult(InputRecord.WriteAmended(writer, linkedRecord, false, default, ["m"]), Extensions).Warnings.ShouldBe(["m"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_report_json_written_from_the_records_says_what_the_results_say(bool inPathOrder)
    {
        using var temp = new TemporaryFolder();
        var inputs = Inputs(1500, 9);
        // What the generated inputs lack: outputs named one by one, none, characters JSON escapes, a missing id.
        inputs.Add(new Input("articles/x/explicit.md", new BatchInputResult("articles/x/explicit.md", BatchStatus.Converted, null, null,
            ["articles/x/explicit.md", "catalog-part \"1\".xlsx"]), null));
        inputs.Add(new Input("articles/x/none.md", new BatchInputResult("articles/x/none.md", BatchStatus.Skipped, "filtered: <site>", null, []), null));
        inputs.Add(new Input("articles/x/\u00e9\u4e2d\t.txt", new BatchInputResult("articles/x/\u00e9\u4e2d\t.txt", BatchStatus.Converted, null, "id\u2028",
            new OutputNames("articles/x/\u00e9\u4e2d\t.txt", Extensions), ["\u0001 control"]), null));
        if (inPathOrder)
        {
            inputs = [.. inputs.OrderBy(i => i.Path, StringComparer.Ordinal)];
        }
        // Index pages that disagree with some articles: their warnings are added at the end.
        var listed = inputs.Where(i => i.Summary is not null).Take(5)
            .Select(i => new ListIndexEntry("lists/x.md", 1, 1, "another title", i.Path.Split('/')[1], Path.GetFileNameWithoutExtension(i.Path)))
            .ToArray();
        using var paths = new RecordSpool(temp.Path);
        using var results = new RecordSpool(temp.Path);
        var writer = new RecordWriter();
        foreach (var (input, number) in inputs.Select((input, number) => (input, number)))
        {
            if (input.Result is not null)
            {
                results.Write(number, InputRecord.Write(writer, input.Result, input.Summary));
            }
            paths.Append(MemoryMarshal.AsBytes(input.Path.AsSpan()));
        }
        using var assembler = new ReportAssembler(paths, results, inputs.Count, inPathOrder, Extensions, "not processed", listed, [temp.Path], 2048);
        var (assembled, duplicates, totals) = assembler.Assemble();
        var options = new BatchOptions { Formats = ["md", "docx"], OutputDirectory = temp.Path };
        var report = new BatchReport("in", options, "1", assembled, duplicates, null, false, TimeSpan.FromSeconds(1)) { KnownTotals = totals };

        var fromRecords = Json(report);
        Json(report with { Inputs = [.. assembled], Duplicates = [.. duplicates] }).ShouldBe(fromRecords);

        using var document = System.Text.Json.JsonDocument.Parse(fromRecords);
        var root = document.RootElement;
        root.GetProperty("inputs").EnumerateArray().Select(ShowJson).ShouldBe(assembled.Select(Show));
        string[] order = ["path", "status", "reason", "id", "outputs", "duplicateOf", "warnings"];
        foreach (var input in root.GetProperty("inputs").EnumerateArray())
        {
            var names = input.EnumerateObject().Select(p => p.Name).ToList();
            names.ShouldBe(order.Where(names.Contains).ToList(), "the report's fields keep their order");
        }
        root.GetProperty("duplicates").EnumerateArray()
            .Select(d => $"{d.GetProperty("kind").GetString()}|{d.GetProperty("key").GetString()}|{string.Join(',', d.GetProperty("paths").EnumerateArray().Select(p => p.GetString()))}")
            .ShouldBe(duplicates.Select(d => $"{d.Kind}|{d.Key}|{string.Join(',', d.Paths)}"));
        assembled.Count(i => i.Warnings?.Any(w => w.StartsWith("index lists/x.md", StringComparison.Ordinal)) == true).ShouldBe(5);
        assembled.Count(i => i.DuplicateOf is not null).ShouldBeGreaterThan(10);
        root.GetProperty("inputs").EnumerateArray().Count(i => i.TryGetProperty("outputs", out _)).ShouldBe(assembled.Count(i => i.Outputs is { Count: > 0 }));
    }

    private static byte[] Json(BatchReport report)
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(report, stream);
        return stream.ToArray();
    }

    private static string ShowJson(System.Text.Json.JsonElement input)
    {
        string? Optional(string name) => input.TryGetProperty(name, out var value) ? value.GetString() : null;
        string List(string name) => input.TryGetProperty(name, out var value) ? string.Join(',', value.EnumerateArray().Select(v => v.GetString())) : "";
        var status = Enum.Parse<BatchStatus>(input.GetProperty("status").GetString()!, ignoreCase: true);
        return $"{input.GetProperty("path").GetString()}|{status}|{Optional("reason")}|{Optional("id")}|{List("outputs")}|{List("warnings")}|{Optional("duplicateOf")}";
    }

    /// <summary>A list that counts how often it was enumerated.</summary>
    private sealed class CountingList(IReadOnlyList<BatchInputResult> items) : IReadOnlyList<BatchInputResult>
    {
        public int Enumerations { get; private set; }

        public int Count => items.Count;

        public BatchInputResult this[int index] => items[index];

        public IEnumerator<BatchInputResult> GetEnumerator()
        {
            Enumerations++;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void The_summary_reads_the_inputs_only_when_some_failed()
    {
        var ok = new CountingList([new BatchInputResult("articles/voa/1.md", BatchStatus.Converted)]);
        var clean = new BatchReport("in", new BatchOptions { Formats = ["md"], OutputDirectory = "out" }, "1", ok, [], null, false, TimeSpan.FromSeconds(1))
        {
            KnownTotals = new BatchTotals(1, 0, 0, 0, 0),
        };
        clean.Summary().ShouldStartWith("1 inputs: 1 converted");
        ok.Enumerations.ShouldBe(0);

        var bad = new CountingList([new BatchInputResult("articles/voa/1.md", BatchStatus.Failed, "broken")]);
        var failed = new BatchReport("in", new BatchOptions { Formats = ["md"], OutputDirectory = "out" }, "1", bad, [], null, false, TimeSpan.FromSeconds(1));
        failed.Summary().ShouldContain("failed: articles/voa/1.md: broken");
        bad.Enumerations.ShouldBe(2);
    }
}
