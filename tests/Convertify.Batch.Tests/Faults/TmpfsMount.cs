using Convertify.Testing;

namespace Convertify.Batch.Tests.Faults;

/// <summary>
/// A small tmpfs mounted on a folder for one test (CI runs as root), unmounted on dispose. Where mounting is not
/// permitted the test is skipped with the reason, or fails under <c>CONVERTIFY_REQUIRE_CLIENTS=1</c>.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (<c>1m</c>) on a new folder <paramref name="path"/>, read-only if asked.</summary>
    public static TmpfsMount Create(string path, string size, bool readOnly = false)
    {
        Directory.CreateDirectory(path);
        var options = $"size={size}" + (readOnly ? ",ro" : "");
        var mount = OperatingSystem.IsLinux() ? ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", options, "tmpfs", path]) : null;
        ExternalClients.Require(mount is { ExitCode: 0 }, $"mounting a tmpfs (needs Linux and root: {mount?.StandardError.Trim()})");
        return new TmpfsMount(path);
    }

    /// <summary>Mounts again with other options (<c>size=64m</c>: frees the disk, the files stay).</summary>
    public void Remount(string options)
    {
        var result = ProcessRunner.Run("mount", ["-o", "remount," + options, Path]);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ProcessRunner.Run("umount", ["-l", Path]);
    }
}
