using Convertify.Batch.Tests.Integration;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Faults;

/// <summary>
/// Runs the CLI as user <c>nobody</c> through <c>setpriv</c>: root ignores file modes (a mode-000 input and a
/// chmod-555 folder are read and written by root alike), so those faults are shown to a process without root's rights.
/// </summary>
internal static class Unprivileged
{
    private const string Nobody = "65534";

    public static ProcessRunner.Result Run(params string[] arguments)
    {
        var setpriv = ExternalClients.FindCommand("setpriv");
        var root = Environment.UserName == "root" || ProcessRunner.Run("id", ["-u"]).StandardOutput.Trim() == "0";
        ExternalClients.Require(setpriv is not null && root, "setpriv run as root (to drop to user nobody)");
        return ProcessRunner.Run(setpriv!, ["--reuid=" + Nobody, "--regid=" + Nobody, "--clear-groups", "dotnet", CliBinary.DllPath, .. arguments],
            timeout: TimeSpan.FromMinutes(5), environment: new Dictionary<string, string?> { ["HOME"] = "/tmp", ["DOTNET_CLI_HOME"] = "/tmp" });
    }

    /// <summary>Lets nobody read and write <paramref name="path"/> (mode 777).</summary>
    public static void OpenToAll(string path) => SetMode(path, (UnixFileMode)0b111_111_111);

    /// <summary>Sets <paramref name="path"/>'s mode (these tests run on Linux only: <see cref="Run"/> skips elsewhere).</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
