using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>Runs the built <c>convertify</c> CLI as a separate process, as users run it.</summary>
internal static class CliRunner
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "convertify.dll");

    public static ProcessRunner.Result Run(params string[] arguments) => RunIn(null, arguments);

    /// <summary>Runs the CLI with <paramref name="workingDirectory"/> as its current folder (null: this process's).</summary>
    public static ProcessRunner.Result RunIn(string? workingDirectory, params string[] arguments) =>
        RunWith(workingDirectory, null, null, arguments);

    /// <summary>Runs the CLI with <paramref name="standardInput"/> on its standard input and extra <paramref name="environment"/> variables.</summary>
    public static ProcessRunner.Result RunWith(string? workingDirectory, string? standardInput, IReadOnlyDictionary<string, string?>? environment,
        params string[] arguments)
    {
        var variables = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }
        return ProcessRunner.Run("dotnet", [Dll, .. arguments], standardInput, TimeSpan.FromMinutes(2), workingDirectory, variables);
    }

    /// <summary>A shell script that runs this build of the CLI, for shells that call <c>convertify</c> by path.</summary>
    public static string WriteLauncher(string folder)
    {
        var path = Path.Combine(folder, "convertify");
        File.WriteAllText(path, $"#!/bin/sh\nexec dotnet \"{Dll}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    public static string Fixture(string relative) => Path.Combine(TestPaths.Fixtures, relative);

    public static IReadOnlyList<string> FixtureArticles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "articles"), "*.md", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal).ToList();

    /// <summary>Copies the fixture articles into <paramref name="folder"/> as an archive (<c>archive/articles/&lt;site&gt;/&lt;id&gt;.md</c>); returns its path.</summary>
    public static string CopyFixtureArchive(TemporaryFolder folder)
    {
        foreach (var article in FixtureArticles())
        {
            var target = Path.Combine(folder.Path, "archive", Path.GetRelativePath(TestPaths.Fixtures, article));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(article, target);
        }
        return folder.File("archive");
    }
}
