using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>Issue 23, point 5: a library user's usage errors name the <see cref="BatchOptions"/> property, not a command-line flag.</summary>
public sealed class BatchUsageMessageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> UsageError(string input, BatchOptions options)
    {
        var error = await Should.ThrowAsync<BatchUsageException>(() => new BatchRunner(TestArchive.Converter()).RunAsync(input, options, null, None));
        error.Message.ShouldNotContain("--");
        return error.Message;
    }

    [Fact]
    public async Task Each_option_error_names_the_property_to_set()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);

        (await UsageError(archive, TestArchive.Options(temp.File("o")) with { Formats = [] }))
            .ShouldBe("no output format: set BatchOptions.Formats to writer names (md, docx, xlsx)");
        (await UsageError(archive, TestArchive.Options(" ")))
            .ShouldBe("no output folder: set BatchOptions.OutputDirectory");
        (await UsageError(archive, TestArchive.Options(temp.File("o")) with { Since = new DateOnly(2024, 2, 1), Until = new DateOnly(2024, 1, 1) }))
            .ShouldBe("BatchOptions.Since 2024-02-01 is after BatchOptions.Until 2024-01-01");
        (await UsageError(Path.Combine(archive, "articles", "voa"), TestArchive.Options(archive)))
            .ShouldEndWith("outputs could overwrite inputs; choose another BatchOptions.OutputDirectory");
    }
}
