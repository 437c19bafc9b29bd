using System.Text;
using Convertify.Formats;
using Convertify.Testing;

namespace Convertify.Core.Tests.Formats;

public sealed class RegularFileOpenerTests
{
    [Fact]
    public void A_file_under_a_long_non_ascii_path_is_opened_and_a_missing_one_is_left_to_the_caller()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "open(2) is called directly on Linux only");
        using var folder = TestPaths.NewTemporaryFolder();
        // Five folders of 70 three-byte characters: a path of more than a kilobyte of UTF-8.
        var deep = Path.Combine([folder.Path, .. Enumerable.Range(0, 5).Select(i => new string((char)('文' + i), 70))]);
        Directory.CreateDirectory(deep);
        var file = Path.Combine(deep, "a.md");
        File.WriteAllText(file, "text");
        Encoding.UTF8.GetByteCount(file).ShouldBeGreaterThan(1024);

        using var handle = RegularFileOpener.TryOpen(file);

        handle.ShouldNotBeNull();
        RandomAccess.GetLength(handle).ShouldBe(4);
        RegularFileOpener.TryOpen(Path.Combine(deep, "missing.md")).ShouldBeNull();
    }
}
