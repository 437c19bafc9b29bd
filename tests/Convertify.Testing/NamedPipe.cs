namespace Convertify.Testing;

/// <summary>Named pipes for tests of inputs that are not files (Linux: mkfifo(1)).</summary>
public static class NamedPipe
{
    /// <summary>Why a test that needs one is skipped elsewhere.</summary>
    public const string SkipReason = "named pipes made with mkfifo(1)";

    /// <summary>Whether <see cref="Make"/> works here.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Makes a named pipe at <paramref name="path"/>.</summary>
    public static void Make(string path)
    {
        using var make = System.Diagnostics.Process.Start("mkfifo", [path]);
        make.WaitForExit();
        if (make.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} exited with {make.ExitCode}");
        }
    }
}
