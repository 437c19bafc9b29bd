using Xunit;

namespace Convertify.Testing;

/// <summary>
/// Real third-party clients (Hugo, Python modules, LibreOffice, pdftotext). A missing client skips the test with
/// the reason, unless <c>CONVERTIFY_REQUIRE_CLIENTS=1</c>, under which it fails.
/// </summary>
public static class ExternalClients
{
    /// <summary>Debian's Python, where its python3-* modules live.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>True when CI demands every client.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("CONVERTIFY_REQUIRE_CLIENTS") == "1";

    /// <summary>Skips (or, when required, fails) unless <paramref name="available"/>.</summary>
    public static void Require(bool available, string what)
    {
        if (available)
        {
            return;
        }
        if (Required)
        {
            Assert.Fail($"{what} is not installed, and CONVERTIFY_REQUIRE_CLIENTS=1");
        }
        Assert.Skip($"{what} is not installed (install it, or run .ci/run)");
    }

    /// <summary>Requires an executable on PATH (or at an absolute path); returns its full path.</summary>
    public static string RequireCommand(string name)
    {
        var path = FindCommand(name);
        Require(path is not null, $"'{name}'");
        return path!;
    }

    /// <summary>Requires Debian's Python with the given modules importable.</summary>
    public static void RequirePythonModules(params string[] modules)
    {
        var ok = File.Exists(Python) &&
                 ProcessRunner.Run(Python, ["-c", "import " + string.Join(", ", modules)], timeout: TimeSpan.FromSeconds(60)).ExitCode == 0;
        Require(ok, $"{Python} with module(s) {string.Join(", ", modules)}");
    }

    /// <summary>Finds an executable on PATH; null when absent.</summary>
    public static string? FindCommand(string name)
    {
        if (System.IO.Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            if (directory.Length == 0) continue;
            var candidate = System.IO.Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
