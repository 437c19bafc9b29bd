using System.Collections.Concurrent;
using Convertify.Batch.Sources;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>The read-ahead thread: hints every file once, in order, never more than a window ahead of the source.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Hints_stay_within_the_window_of_the_source_and_cover_every_file_once_in_order()
    {
        const int count = ReadAhead.Window * 5 + 17;
        var hinted = new ConcurrentQueue<(int File, int Next)>();
        var next = 0;
        using (var readAhead = new ReadAhead(count, i => i.ToString(), path => hinted.Enqueue((int.Parse(path), Volatile.Read(ref next)))))
        {
            for (var i = 0; i < count; i++)
            {
                Volatile.Write(ref next, i);
                readAhead.Advance(i);
                if (i % 7 == 0)
                {
                    Thread.Sleep(1);
                }
            }
            SpinWait.SpinUntil(() => readAhead.Hinted == count, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        }

        hinted.Select(h => h.File).ShouldBe(Enumerable.Range(0, count));
        // A hint is given only while the file is less than a window ahead of the last position the source announced.
        hinted.ShouldAllBe(h => h.File - h.Next < ReadAhead.Window);
    }

    [Fact]
    public void A_source_that_stops_advancing_holds_the_hints_at_the_window_and_disposing_ends_the_thread()
    {
        var hinted = 0;
        var readAhead = new ReadAhead(10_000, i => i.ToString(), _ => Interlocked.Increment(ref hinted));
        readAhead.Advance(0);
        SpinWait.SpinUntil(() => Volatile.Read(ref hinted) == ReadAhead.Window, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        Thread.Sleep(300);

        Volatile.Read(ref hinted).ShouldBe(ReadAhead.Window);
        readAhead.Dispose();
        Volatile.Read(ref hinted).ShouldBe(ReadAhead.Window);
    }

    [Fact]
    public void Null_paths_are_skipped_and_a_failing_hint_does_not_stop_the_rest()
    {
        var hinted = new ConcurrentQueue<string>();
        using (var readAhead = new ReadAhead(6, i => i == 2 ? null : i.ToString(), path =>
               {
                   if (path == "3")
                   {
                       throw new InvalidOperationException("any failure");
                   }
                   hinted.Enqueue(path);
               }))
        {
            readAhead.Advance(0);
            SpinWait.SpinUntil(() => readAhead.Hinted == 6, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        }

        hinted.ShouldBe(["0", "1", "4", "5"]);
    }

    [Fact]
    public async Task A_folder_larger_than_the_window_reads_the_same_with_and_without_read_ahead()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 1);
        for (var i = 0; i < ReadAhead.Window * 2; i++)
        {
            TestArchive.Write(archive, $"articles/voa/{5000 + i}.md", $"content {i}");
        }
        File.CreateSymbolicLink(Path.Combine(archive, "articles/dw/broken.md"), Path.Combine(archive, "articles/voa/none.md"));

        async Task<List<string>> Read(bool readAhead)
        {
            using var source = new FolderSource(archive) { ReadAheadEnabled = readAhead };
            var read = new List<string>();
            foreach (var entry in source.Entries(CancellationToken.None))
            {
                read.Add(entry.IsUsable
                    ? entry.RelativePath + "=" + Convert.ToHexString((await entry.LoadAsync(CancellationToken.None)).Content.Span)
                    : entry.RelativePath + ": " + entry.Error);
            }
            return read;
        }

        var with = await Read(readAhead: true);
        var without = await Read(readAhead: false);

        with.Count.ShouldBe(ReadAhead.Window * 2 + 5);
        with.ShouldBe(without);
        with.ShouldContain("articles/dw/broken.md: broken symbolic link");
    }

    [Fact]
    public async Task The_page_cache_hint_returns_at_once_for_a_named_pipe()
    {
        Assert.SkipUnless(NamedPipe.IsSupported, NamedPipe.SkipReason);
        using var temp = new TemporaryFolder();
        var fifo = Path.Combine(temp.Path, "pipe.md");
        NamedPipe.Make(fifo);

        var cancel = TestContext.Current.CancellationToken;
        var hint = Task.Run(() => PageCacheHint.WillNeedFile(fifo), cancel);
        (await Task.WhenAny(hint, Task.Delay(TimeSpan.FromSeconds(10), cancel))).ShouldBe(hint, "the hint waited for a writer");
    }

    [Fact]
    public void The_page_cache_hint_accepts_missing_files_and_long_names()
    {
        using var temp = new TemporaryFolder();
        var file = Path.Combine(temp.Path, "a.md");
        File.WriteAllText(file, "text");

        PageCacheHint.WillNeedFile(file);
        PageCacheHint.WillNeedFile(Path.Combine(temp.Path, "missing.md"));
        PageCacheHint.WillNeedFile(Path.Combine(temp.Path, new string('é', 900) + ".md"));

        PageCacheHint.IsSupported.ShouldBe(OperatingSystem.IsLinux());
        File.ReadAllText(file).ShouldBe("text");
    }
}
