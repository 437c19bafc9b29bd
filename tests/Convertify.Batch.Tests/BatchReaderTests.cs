using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

public sealed class BatchReaderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_unknown_reader_is_a_usage_error_naming_the_known_ones_before_anything_is_written()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var error = await Should.ThrowAsync<BatchUsageException>(() =>
            new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("o")) with { Reader = "nope" }, null, None));
        error.Message.ShouldContain("'nope'");
        error.Message.ShouldContain("archive");
        Directory.Exists(temp.File("o")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_named_reader_reads_every_input_and_naming_another_reader_reconverts_what_was_unchanged()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());
        var sniffed = await runner.RunAsync(archive, TestArchive.Options(temp.File("o")), null, None);
        var named = await runner.RunAsync(archive, TestArchive.Options(temp.File("o")) with { Reader = "ARCHIVE" }, null, None);

        named.Totals.Failed.ShouldBe(sniffed.Totals.Failed);
        named.Totals.Converted.ShouldBe(sniffed.Totals.Converted);
        named.Totals.Unchanged.ShouldBe(0);
    }
}
