using System.Text;
using Convertify.Formats;
using Convertify.Interop;
using Convertify.Testing;

namespace Convertify.Core.Tests.Interop;

public sealed class NativePathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(2000)]
    public void A_path_is_its_UTF8_bytes_and_a_NUL_on_the_stack_or_rented(int repeat)
    {
        var path = "/a/" + string.Concat(Enumerable.Repeat("文é", repeat));
        var expected = Encoding.UTF8.GetBytes(path).Append((byte)0).ToArray();

        using var native = new NativePath(path, stackalloc byte[NativePath.StackLimit]);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref native.First, expected.Length).ToArray();

        bytes.ShouldBe(expected);
    }

    [Fact]
    public void A_file_under_a_path_longer_than_the_stack_buffer_is_opened_without_waiting()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "open(2) is called directly on Linux only");
        using var folder = TestPaths.NewTemporaryFolder();
        // Five folders of 70 three-byte characters: more than NativePath.StackLimit bytes of UTF-8.
        var deep = Path.Combine([folder.Path, .. Enumerable.Range(0, 5).Select(i => new string((char)('文' + i), 70))]);
        Directory.CreateDirectory(deep);
        var file = Path.Combine(deep, "a.md");
        File.WriteAllText(file, "text");
        Encoding.UTF8.GetByteCount(file).ShouldBeGreaterThan(NativePath.StackLimit);

        using var handle = RegularFileOpener.TryOpen(file);

        handle.ShouldNotBeNull();
        RandomAccess.GetLength(handle).ShouldBe(4);
        RegularFileOpener.TryOpen(Path.Combine(deep, "missing.md")).ShouldBeNull();
    }
}
