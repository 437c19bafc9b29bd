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

    [Fact]
    public void WriteAllBytes_replaces_the_target_and_leaves_only_it()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var target = folder.File("out.md");
        File.WriteAllText(target, "old and longer");

        AtomicFile.WriteAllBytes(target, "new"u8);

        File.ReadAllText(target).ShouldBe("new");
        Directory.GetFileSystemEntries(folder.Path).ShouldBe([target]);
    }

    [Fact]
    public void WriteAllBytes_onto_a_folder_fails_and_leaves_no_temporary_file()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var target = folder.File("out.md");
        Directory.CreateDirectory(Path.Combine(target, "inside"));

        Should.Throw<IOException>(() => AtomicFile.WriteAllBytes(target, "new"u8));

        Directory.GetFileSystemEntries(folder.Path).ShouldBe([target]);
        Directory.GetFileSystemEntries(target).ShouldBe([Path.Combine(target, "inside")]);
    }

    [Fact]
    public void WriteAllBytes_into_a_missing_folder_fails_with_DirectoryNotFound()
    {
        // OutputWriter relies on this to make a folder removed during a run again.
        using var folder = TestPaths.NewTemporaryFolder();

        Should.Throw<DirectoryNotFoundException>(() => AtomicFile.WriteAllBytes(folder.File("gone/out.md"), "new"u8));

        Directory.GetFileSystemEntries(folder.Path).ShouldBeEmpty();
    }
}
