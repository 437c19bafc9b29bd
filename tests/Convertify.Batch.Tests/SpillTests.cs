using System.Text;
using Convertify.Batch.Spill;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>The scratch-file structures that keep a run's per-input data out of memory.</summary>
public sealed class SpillTests
{
    private static int Ordinal(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => x[..2].SequenceCompareTo(y[..2]);

    private static List<byte[]> Records(int count, int seed)
    {
        var random = new Random(seed);
        var records = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            // Two bytes of key from a small alphabet (many ties), then the record's number, then noise of any length.
            var record = new byte[2 + 4 + random.Next(0, 300)];
            record[0] = (byte)random.Next('a', 'e');
            record[1] = (byte)random.Next('a', 'e');
            BitConverter.TryWriteBytes(record.AsSpan(2), i);
            random.NextBytes(record.AsSpan(6));
            records.Add(record);
        }
        return records;
    }

    private static List<byte[]> Drain(RecordCursor cursor)
    {
        var result = new List<byte[]>();
        while (cursor.MoveNext())
        {
            result.Add(cursor.Current.ToArray());
        }
        return result;
    }

    [Theory]
    [InlineData(1 << 20, 0)]
    [InlineData(4096, 7)]
    public void The_sorter_gives_the_stable_order_whether_or_not_it_spills(int memoryLimit, int minimumRuns)
    {
        using var temp = new TemporaryFolder();
        var records = Records(3000, 42);
        using var sorter = new ExternalSorter(Ordinal, memoryLimit, temp.Path);
        foreach (var record in records)
        {
            sorter.Add(record);
        }

        using var cursor = sorter.Sort();
        var sorted = Drain(cursor);

        sorter.SpilledRuns.ShouldBeGreaterThanOrEqualTo(minimumRuns);
        (sorter.SpilledRuns > 0).ShouldBe(minimumRuns > 0);
        sorter.Count.ShouldBe(3000);
        // OrderBy is stable: equal keys keep the order they were added in.
        sorted.ShouldBe(records.OrderBy(r => Encoding.ASCII.GetString(r, 0, 2), StringComparer.Ordinal).ToList());
        Directory.EnumerateFiles(temp.Path).ShouldBeEmpty("scratch files are unlinked as soon as they are open");
    }

    [Fact]
    public void Short_records_count_their_index_against_the_memory_limit_and_many_runs_merge_in_order()
    {
        using var temp = new TemporaryFolder();
        // 9-byte records (the report's links): counted with their index, 2,100 bytes hold 100 of them, not 233.
        using var sorter = new ExternalSorter((x, y) => x.SequenceCompareTo(y), 2100, temp.Path);
        var random = new Random(3);
        var records = Enumerable.Range(0, 5000).Select(i =>
        {
            var record = new byte[9];
            random.NextBytes(record.AsSpan(0, 5));
            BitConverter.TryWriteBytes(record.AsSpan(5), i);
            return record;
        }).ToList();
        foreach (var record in records)
        {
            sorter.Add(record);
        }

        using var cursor = sorter.Sort();
        var sorted = Drain(cursor);

        sorter.SpilledRuns.ShouldBe(50);
        sorted.ShouldBe(records.OrderBy(r => Convert.ToHexString(r), StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_sorter_takes_a_record_larger_than_its_memory_and_no_records_at_all()
    {
        using var sorter = new ExternalSorter(Ordinal, 1024);
        var big = new byte[200_000];
        big[0] = (byte)'b';
        big[1] = (byte)'b';
        big[^1] = 7;
        sorter.Add("zz1"u8);
        sorter.Add(big);
        sorter.Add("aa2"u8);
        using var cursor = sorter.Sort();
        Drain(cursor).Select(r => r.Length).ShouldBe([3, 200_000, 3]);
        Should.Throw<InvalidOperationException>(() => sorter.Add("x"u8));

        using var empty = new ExternalSorter(Ordinal);
        using var none = empty.Sort();
        none.MoveNext().ShouldBeFalse();
    }

    [Fact]
    public void The_spool_reads_back_records_written_in_any_order_and_knows_the_missing_ones()
    {
        using var temp = new TemporaryFolder();
        using var spool = new RecordSpool(temp.Path);
        var random = new Random(5);
        var numbers = Enumerable.Range(0, 5000).Where(n => n % 7 != 3).ToArray();
        // Nearly sequential, as workers finish, with some far out of order.
        for (var i = 0; i + 1 < numbers.Length; i += 2)
        {
            if (random.Next(4) == 0)
            {
                (numbers[i], numbers[i + 1]) = (numbers[i + 1], numbers[i]);
            }
        }
        (numbers[10], numbers[^10]) = (numbers[^10], numbers[10]);
        var big = Encoding.UTF8.GetBytes(new string('x', 100_000));
        foreach (var number in numbers)
        {
            spool.Write(number, number == 4000 ? big : Encoding.UTF8.GetBytes($"record {number} {new string('y', number % 50)}"));
        }

        spool.Count.ShouldBe(5000);
        var reader = spool.OpenReader();
        foreach (var number in Enumerable.Range(0, 5000).Concat([4999, 0, 2500, 4000, 1]))
        {
            if (number % 7 == 3)
            {
                reader.TryRead(number, out _).ShouldBeFalse();
                continue;
            }
            reader.TryRead(number, out var record).ShouldBeTrue();
            Encoding.UTF8.GetString(record).ShouldBe(number == 4000 ? Encoding.UTF8.GetString(big) : $"record {number} {new string('y', number % 50)}");
        }
        reader.TryRead(7000, out _).ShouldBeFalse();
        Directory.EnumerateFiles(temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_scratch_file_goes_to_the_first_folder_that_can_hold_one_and_leaves_nothing_behind()
    {
        using var temp = new TemporaryFolder();
        var missing = Path.Combine(temp.Path, "no-such-folder");
        var second = Directory.CreateDirectory(Path.Combine(temp.Path, "second")).FullName;
        using (var handle = ScratchFile.Open(missing, null, second))
        {
            RandomAccess.Write(handle, "kept while open"u8, 0);
            var back = new byte[15];
            RandomAccess.Read(handle, back, 0).ShouldBe(15);
            Encoding.ASCII.GetString(back).ShouldBe("kept while open");
            Directory.Exists(missing).ShouldBeFalse();
            Directory.EnumerateFileSystemEntries(second).ShouldBeEmpty();
        }
        var error = Should.Throw<IOException>(() => ScratchFile.Open(missing, Path.Combine(missing, "deeper")));
        error.Message.ShouldStartWith("no folder can hold a temporary file");
    }

    [Fact]
    public void Appended_records_are_numbered_in_order()
    {
        using var spool = new RecordSpool();
        spool.Append("first"u8).ShouldBe(0);
        spool.Append(""u8).ShouldBe(1);
        spool.Append("third"u8).ShouldBe(2);
        var reader = spool.OpenReader();
        reader.TryRead(1, out var empty).ShouldBeTrue();
        empty.Length.ShouldBe(0);
        reader.TryRead(2, out var third).ShouldBeTrue();
        Encoding.UTF8.GetString(third).ShouldBe("third");
    }
}
