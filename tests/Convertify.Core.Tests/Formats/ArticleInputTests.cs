using Convertify.Errors;
using Convertify.Formats;
using Convertify.Testing;

namespace Convertify.Core.Tests.Formats;

public sealed class ArticleInputTests
{
    [Fact]
    public void A_file_is_read_whole()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var path = folder.File("a.md");
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, bytes);

        var input = ArticleInput.FromFile(path);

        input.Path.ShouldBe(path);
        input.Content.ToArray().ShouldBe(bytes);
        input.FullPath.ShouldBe(Path.GetFullPath(path));
        new ArticleInput("in memory", bytes).FullPath.ShouldBeNull();
    }

    [Fact]
    public async Task Only_a_file_is_read_as_a_regular_file_and_a_named_pipe_is_refused_at_once()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var path = folder.File("a.md");
        File.WriteAllText(path, "<!--1-->");
        ArticleInput.FromRegularFile(path).Content.ToArray().ShouldBe(ArticleInput.FromFile(path).Content.ToArray());
        Should.Throw<ArticleFormatException>(() => ArticleInput.FromRegularFile(folder.File("missing.md"))).Problem.ShouldBe(FormatProblem.NotFound);

        Assert.SkipUnless(NamedPipe.IsSupported, NamedPipe.SkipReason);
        var pipe = folder.File("pipe.md");
        NamedPipe.Make(pipe);
        var cancel = TestContext.Current.CancellationToken;
        var read = Task.Run(() => ArticleInput.FromRegularFile(pipe), cancel);
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20), cancel))).ShouldBe(read, "the read waited for a writer");
        var error = await Should.ThrowAsync<ArticleFormatException>(read);
        error.Problem.ShouldBe(FormatProblem.Unreadable);
        error.Message.ShouldBe($"{pipe}: not a regular file (a named pipe, socket or other stream)");
    }

    [Fact]
    public void An_empty_file_is_an_empty_input()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var path = folder.File("empty.md");
        File.WriteAllBytes(path, []);

        ArticleInput.FromFile(path).Content.Length.ShouldBe(0);
    }

    [Fact]
    public void A_file_larger_than_the_limit_is_refused_by_its_size()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var path = folder.File("huge.md");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ArticleInput.MaxBytes + 1);
        }

        var error = Should.Throw<ArticleFormatException>(() => ArticleInput.FromFile(path));

        error.Problem.ShouldBe(FormatProblem.TooLarge);
        error.Message.ShouldBe($"{path}: file is 67,108,865 bytes; an article is at most 67,108,864 bytes");
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var path = folder.File("big.md");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ArticleInput.MaxBytes);
        }

        ArticleInput.FromFile(path).Content.Length.ShouldBe((int)ArticleInput.MaxBytes);
    }

    [Fact]
    public void A_folder_is_not_found_saying_it_is_a_folder_and_a_missing_folder_is_not_found_naming_the_path()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var directory = folder.File("dir.md");
        Directory.CreateDirectory(directory);
        var inMissingFolder = folder.File("gone/a.md");

        var error = Should.Throw<ArticleFormatException>(() => ArticleInput.FromFile(directory));
        error.Problem.ShouldBe(FormatProblem.NotFound);
        error.Message.ShouldBe($"{directory}: a folder, not a file");

        var missing = Should.Throw<ArticleFormatException>(() => ArticleInput.FromFile(inMissingFolder));
        missing.Problem.ShouldBe(FormatProblem.NotFound);
        missing.Message.ShouldBe($"{inMissingFolder}: file not found");
    }

    [Fact]
    public void A_file_that_does_not_tell_its_length_is_read_to_its_end()
    {
        // Files under /proc report a length of 0 but have content.
        Assert.SkipUnless(File.Exists("/proc/self/status"), "needs Linux /proc");

        var input = ArticleInput.FromFile("/proc/self/status");

        System.Text.Encoding.ASCII.GetString(input.Content.Span).ShouldContain("Name:");
    }
}
