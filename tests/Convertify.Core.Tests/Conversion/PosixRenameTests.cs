using Convertify.Conversion;
using Convertify.Testing;

namespace Convertify.Core.Tests.Conversion;

public sealed class PosixRenameTests
{
    [Fact]
    public void Replaces_the_target_with_non_ascii_and_long_names()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "rename(2) is called directly on Linux only");
        using var folder = TestPaths.NewTemporaryFolder();
        // Past the 1,024-byte stack buffer: the long name takes the pooled one.
        var deep = Path.Combine(folder.Path, new string('d', 200), new string('e', 200), new string('f', 200), new string('g', 200));
        Directory.CreateDirectory(deep);
        foreach (var directory in new[] { folder.Path, deep })
        {
            var source = Path.Combine(directory, ".新闻.tmp");
            var target = Path.Combine(directory, "新闻 é.md");
            File.WriteAllText(target, "old");
            File.WriteAllText(source, "new");

            PosixRename.TryReplace(source, target).ShouldBeTrue();

            File.ReadAllText(target).ShouldBe("new");
            File.Exists(source).ShouldBeFalse();
        }
    }

    [Fact]
    public void A_failed_rename_returns_false_and_changes_nothing()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var source = folder.File("a.tmp");
        var target = folder.File("b.md");
        File.WriteAllText(source, "new");
        Directory.CreateDirectory(Path.Combine(target, "x"));

        PosixRename.TryReplace(source, target).ShouldBeFalse();
        PosixRename.TryReplace(folder.File("missing.tmp"), folder.File("c.md")).ShouldBeFalse();

        File.ReadAllText(source).ShouldBe("new");
        Directory.Exists(Path.Combine(target, "x")).ShouldBeTrue();
        File.Exists(folder.File("c.md")).ShouldBeFalse();
    }
}
