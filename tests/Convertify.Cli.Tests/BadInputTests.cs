using System.Text;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

public sealed class BadInputTests
{
    public static TheoryData<string, byte[]> BadInputs => new()
    {
        { "empty", [] },
        { "binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] },
        { "truncated header", Encoding.UTF8.GetBytes("<!--1672331948000-->\n") },
        { "bad timestamp", Encoding.UTF8.GetBytes("<!--yesterday-->\n[标题](https://example.org/a)\n------\n\n<p>正文</p>\n") },
        { "missing title", Encoding.UTF8.GetBytes("<!--1672331948000-->\n------\n\n<p>正文</p>\n") },
        { "invalid utf-8", [.. Encoding.UTF8.GetBytes("<!--1672331948000-->\n[标"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("](https://example.org/a)\n------\n\n<p>x</p>\n")] },
        { "index page", Encoding.UTF8.GetBytes("BBC\n------\n\n9-1 [标题](/articles/BBC/1.md)\n") },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_input_gets_one_line_naming_the_file_exit_1_and_no_output(string name, byte[] content)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = folder.File(name.Replace(' ', '-') + ".md");
        File.WriteAllBytes(input, content);
        var output = folder.File("out.md");

        var result = CliRunner.Run("convert", input, "--to", "md", "-o", output);

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldHaveSingleItem().ShouldContain(input);
        result.StandardError.ShouldNotContain("   at ");
        File.Exists(output).ShouldBeFalse();
        Directory.GetFiles(folder.Path).ShouldBe([input]);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = folder.File("empty.md");
        File.WriteAllBytes(input, []);

        var result = CliRunner.Run("convert", input, "--to", "md", "--verbose");

        result.ExitCode.ShouldBe(1);
        result.StandardError.ShouldContain("   at ");
    }

    [Fact]
    public void A_200_mb_file_is_refused_without_reading_it()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = folder.File("huge.md");
        using (var stream = File.Create(input))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var result = CliRunner.Run("convert", input, "--to", "md", "-o", folder.File("out.md"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldContain("huge.md");
        File.Exists(folder.File("out.md")).ShouldBeFalse();
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_are_read_correctly()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var input = folder.File("crlf.md");
        var text = "<!--1672331948000-->\r\n[克拉克城的新桥](https://example.org/a/1.html)\r\n------\r\n\r\n<p>这是第一段。</p>\r\n";
        File.WriteAllBytes(input, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = CliRunner.Run("convert", input, "--to", "md");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain("title: \"克拉克城的新桥\"");
        result.StandardOutput.ShouldContain("这是第一段。");
        result.StandardOutput.ShouldNotContain("\r");
    }
}
