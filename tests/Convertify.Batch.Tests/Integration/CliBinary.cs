using System.Diagnostics;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Integration;

/// <summary>The command line built in Release once per test run, and helpers to start it.</summary>
internal static class CliBinary
{
    private static readonly Lazy<string> Dll = new(() =>
    {
        var project = Path.Combine(TestPaths.RepoRoot, "src", "Convertify.Cli", "Convertify.Cli.csproj");
        var dll = Path.Combine(TestPaths.RepoRoot, "src", "Convertify.Cli", "bin", "Release", "net10.0", "convertify.dll");
        // CI builds the solution in Release before testing: build again only when a source is newer than the binary.
        if (File.Exists(dll) && !IsStale(dll))
        {
            return dll;
        }
        var build = ProcessRunner.Run("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "q"], timeout: TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("building the CLI failed: " + build);
        }
        return dll;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static bool IsStale(string dll)
    {
        var built = File.GetLastWriteTimeUtc(dll);
        return Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    /// <summary>The built convertify.dll (built first if a source is newer).</summary>
    public static string DllPath => Dll.Value;

    public static ProcessRunner.Result Run(params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Dll.Value, .. arguments], timeout: TimeSpan.FromMinutes(10));

    public static Process Start(params string[] arguments)
    {
        // A command started in the background by a non-interactive shell (as `.ci/run &` is) ignores SIGINT, the
        // processes it starts inherit that, and .NET keeps an ignored SIGINT ignored: the CLI is started with SIGINT
        // back at its default (GNU env) so that the tests that interrupt it do so wherever the test run was started.
        var viaEnv = OperatingSystem.IsLinux() && File.Exists("/usr/bin/env");
        var info = new ProcessStartInfo(viaEnv ? "/usr/bin/env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (viaEnv)
        {
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(Dll.Value);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits until the output folder holds at least one converted article (or the process ends).</summary>
    public static void WaitForFirstOutput(Process process, string output)
    {
        var clock = Stopwatch.StartNew();
        var articles = Path.Combine(output, "articles");
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
        {
            if (Directory.Exists(articles) && Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Any())
            {
                return;
            }
            Thread.Sleep(50);
        }
    }
}
