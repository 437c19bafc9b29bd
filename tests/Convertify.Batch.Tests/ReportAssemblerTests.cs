using Convertify.Archive.Indexes;
using Convertify.Batch.Output;
using Convertify.Batch.State;
using Convertify.Formats;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>The report's inputs and duplicate groups, assembled in the state database, against a plain in-memory reckoning.</summary>
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
            var summary = new ArticleSummary(path, $"Title {random.Next()}", url, hash, published, published.AddMinutes(5));
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
        Group("content", s => s.ContentHash, s => s.ContentHash.Length > 0, k => k);
        results = results.Select(r => duplicateOf.TryGetValue(r.Path, out var first) ? r with { DuplicateOf = first } : r).ToList();
        return (results, duplicates.OrderBy(d => d.Paths[0], StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ToList());
    }

    private static string Show(BatchInputResult r) =>
        $"{r.Path}|{r.Status}|{r.Reason}|{r.Id}|{string.Join(',', r.Outputs ?? [])}|{string.Join(',', r.Warnings ?? [])}|{r.DuplicateOf}";

    /// <summary>
    /// The inputs written to a state database as a run's workers hand them over (in any order; those without a result were
    /// not processed), the index entries with the first, then the report assembled.
    /// </summary>
    private static (StoredInputs Inputs, StoredDuplicates Duplicates, BatchTotals Totals) Assemble(string folder, List<Input> inputs,
        IReadOnlyList<IndexPageEntry> listed)
    {
        using var database = StateDatabase.OpenForRun(folder);
        var rows = inputs.Select((input, number) => new InputRow(number,
                input.Result ?? new BatchInputResult(input.Path, BatchStatus.Cancelled), input.Summary, IndexEntries: number == 0 ? listed : null))
            .OrderBy(r => r.Seq % 7).ToList();
        var writer = new ResultWriter(database);
        foreach (var row in rows)
        {
            writer.AddAsync(row).AsTask().GetAwaiter().GetResult();
        }
        writer.CompleteAsync().GetAwaiter().GetResult();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var totals = BatchTotals.Of(rows.Select(r => r.Result));
        var groups = ReportAssembler.Assemble(database, totals, "not processed", new ArchiveIndexPages());
        var path = StateDatabase.PathIn(folder);
        return (new StoredInputs(path, totals.Found, Extensions), new StoredDuplicates(path, groups), totals);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inputs_and_duplicates_come_out_as_an_in_memory_reckoning_gives_them(bool inPathOrder)
    {
        using var temp = new TemporaryFolder();
        var inputs = Inputs(2000, inPathOrder ? 3 : 4);
        if (inPathOrder)
        {
            inputs = [.. inputs.OrderBy(i => i.Path, StringComparer.Ordinal)];
        }

        var (assembled, duplicates, totals) = Assemble(temp.Path, inputs, []);

        var (expected, expectedDuplicates) = Reference(inputs);
        assembled.Count.ShouldBe(expected.Count);
        assembled.Select(Show).ShouldBe(expected.Select(Show));
        Enumerable.Range(0, assembled.Count).Where(i => i % 97 == 0).Select(i => Show(assembled[i])).ShouldBe(expected.Where((_, i) => i % 97 == 0).Select(Show));
        expectedDuplicates.Count.ShouldBeGreaterThan(10);
        expected.Count(r => r.DuplicateOf is not null).ShouldBeGreaterThan(10);
        duplicates.Count.ShouldBe(expectedDuplicates.Count);
        duplicates.Select(d => $"{d.Kind}|{d.Key}|{string.Join(',', d.Paths)}")
            .ShouldBe(expectedDuplicates.Select(d => $"{d.Kind}|{d.Key}|{string.Join(',', d.Paths)}"));
        $"{duplicates[3].Kind}|{string.Join(',', duplicates[3].Paths)}".ShouldBe($"{expectedDuplicates[3].Kind}|{string.Join(',', expectedDuplicates[3].Paths)}");
        totals.ShouldBe(BatchTotals.Of(expected));
        totals.Cancelled.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Mixed_url_and_content_groups_link_to_their_first_member_a_url_groups_link_winning()
    {
        using var temp = new TemporaryFolder();
        var published = new DateTimeOffset(2021, 3, 2, 10, 30, 0, TimeSpan.Zero);
        Input Article(string name, string url, string hash)
        {
            var path = $"articles/voa/{name}.md";
            return new Input(path, new BatchInputResult(path, BatchStatus.Converted, null, name, new OutputNames(path, Extensions)),
                new ArticleSummary(path, name, url, hash, published, published));
        }
        List<Input> inputs =
        [
            // d is in a content group whose first is a and in a URL group whose first is b: it links to b.
            Article("d", "u-b", "h-a"),
            Article("a", "", "h-a"),
            Article("b", "u-b", "h-b"),
            // c heads a content group and a URL group of the same members: the content group comes first.
            Article("c", "u-c", "h-c"),
            Article("e", "u-c", "h-c"),
            Article("f", "u-f", "h-f"),
            new("articles/voa/g.md", new BatchInputResult("articles/voa/g.md", BatchStatus.Failed, "broken"), null),
        ];

        var (assembled, duplicates, _) = Assemble(temp.Path, inputs, []);

        assembled.Select(i => $"{i.Path}>{i.DuplicateOf}").ShouldBe([
            "articles/voa/a.md>", "articles/voa/b.md>", "articles/voa/c.md>", "articles/voa/d.md>articles/voa/b.md",
            "articles/voa/e.md>articles/voa/c.md", "articles/voa/f.md>", "articles/voa/g.md>",
        ]);
        duplicates.Select(d => $"{d.Kind}|{d.Key}|{string.Join(',', d.Paths)}").ShouldBe([
            "content|h-a|articles/voa/a.md,articles/voa/d.md",
            "url|u-b|articles/voa/b.md,articles/voa/d.md",
            "content|h-c|articles/voa/c.md,articles/voa/e.md",
            "url|u-c|articles/voa/c.md,articles/voa/e.md",
        ]);
        duplicates[2].Kind.ShouldBe("content");
        inputs = [.. inputs.Where(i => i.Path is "articles/voa/a.md" or "articles/voa/f.md" or "articles/voa/g.md")];

        using var alone = new TemporaryFolder();
        var (single, none, _) = Assemble(alone.Path, inputs, []);
        single.Select(i => i.DuplicateOf).ShouldAllBe(d => d == null);
        none.ShouldBeEmpty();
    }

    [Fact]
    public void A_row_reads_back_every_field_exactly_and_paths_sort_as_string_compare_ordinal_does()
    {
        using var temp = new TemporaryFolder();
        var published = new DateTimeOffset(2021, 3, 2, 10, 30, 0, TimeSpan.FromHours(-5));
        // U+1F600 is a surrogate pair: before U+FF5E in UTF-16 order, after it in code point order.
        var paths = new[] { "articles/voa/\uFF5E.md", "articles/voa/\U0001F600.md", "articles/voa/2.md" };
        var summary = new ArticleSummary(paths[2], "Title \u00e9 \"q\"", "https://example.org/\u00fc", "not-hex", published, published.AddDays(1).ToUniversalTime());
        List<Input> inputs =
        [
            new(paths[0], new BatchInputResult(paths[0], BatchStatus.Failed, "why\n\"not\"\u2028"), null),
            new(paths[1], new BatchInputResult(paths[1], BatchStatus.Skipped, null, "\u0001"), null),
            new(paths[2], new BatchInputResult(paths[2], BatchStatus.Unchanged, "unchanged since the last run", "2",
                new OutputNames(paths[2], Extensions), ["w1", "", "\u00e9\t"]), summary),
        ];

        var (assembled, duplicates, _) = Assemble(temp.Path, inputs, []);

        assembled.Select(Show).ShouldBe(new[] { inputs[2], inputs[1], inputs[0] }.Select(i => Show(i.Result!)));
        assembled[0].Outputs.ShouldBe(["articles/voa/2.md", "articles/voa/2.docx"]);
        assembled[1].Outputs.ShouldBeNull();
        assembled.Failed().Select(i => i.Path).ShouldBe([paths[0]]);
        duplicates.ShouldBeEmpty();
    }

    [Fact]
    public void The_report_json_says_what_the_results_say_with_fields_in_order()
    {
        using var temp = new TemporaryFolder();
        var inputs = Inputs(1500, 9);
        // Index pages that disagree with some articles: their warnings are added at the end.
        var listed = inputs.Where(i => i.Summary is not null).Take(5)
            .Select(i => new IndexPageEntry("lists/x.md", 1, 1, "another title", i.Path.Split('/')[1], Path.GetFileNameWithoutExtension(i.Path)))
            .ToArray();
        var (assembled, duplicates, totals) = Assemble(temp.Path, inputs, listed);
        var options = new BatchOptions { Formats = ["md", "docx"], OutputDirectory = temp.Path };
        var report = new BatchReport("in", options, "1", assembled, duplicates, null, false, TimeSpan.FromSeconds(1)) { KnownTotals = totals };

        var stored = Json(report);
        Json(report with { Inputs = [.. assembled], Duplicates = [.. duplicates] }).ShouldBe(stored);

        using var document = System.Text.Json.JsonDocument.Parse(stored);
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

        // Outputs named one by one and empty lists, as a report made by hand holds them.
        var made = report with
        {
            Inputs =
            [
                new BatchInputResult("articles/x/explicit.md", BatchStatus.Converted, null, null, ["articles/x/explicit.md", "catalog-part \"1\".xlsx"]),
                new BatchInputResult("articles/x/none.md", BatchStatus.Skipped, "filtered: <site>", null, [], []),
            ],
            Duplicates = [],
        };
        using var madeDocument = System.Text.Json.JsonDocument.Parse(Json(made));
        madeDocument.RootElement.GetProperty("inputs").EnumerateArray().Select(ShowJson).ShouldBe(made.Inputs.Select(Show));
        madeDocument.RootElement.GetProperty("inputs")[1].TryGetProperty("outputs", out _).ShouldBeFalse();
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
