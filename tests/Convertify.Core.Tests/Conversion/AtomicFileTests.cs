using Convertify.Conversion;
using Convertify.Testing;

namespace Convertify.Core.Tests.Conversion;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_failing_write_leaves_neither_the_target_nor_a_temporary_file()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var target = folder.File("out.md");

        Should.Throw<InvalidOperationException>(() => AtomicFile.Write(target, stream =>
        {
            stream.WriteByte(1);
            throw new InvalidOperationException("boom");
        }));

        Directory.GetFileSystemEntries(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_failing_rewrite_keeps_the_previous_complete_file()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var target = folder.File("sub/out.md");
        AtomicFile.Write(target, stream => stream.Write("old"u8));

        Should.Throw<IOException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write("partial"u8);
            throw new IOException("disk full");
        }));

        File.ReadAllText(target).ShouldBe("old");
        Directory.GetFiles(Path.GetDirectoryName(target)!).ShouldBe([target]);
    }
}
