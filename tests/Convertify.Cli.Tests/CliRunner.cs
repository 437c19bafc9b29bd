using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>Runs the built <c>convertify</c> CLI as a separate process, as users run it.</summary>
internal static class CliRunner
{
    private static string Dll => Path.Combine(AppContext.BaseDirectory, "convertify.dll");

    public static ProcessRunner.Result Run(params string[] arguments) => RunIn(null, arguments);

    /// <summary>Runs the CLI with <paramref name="workingDirectory"/> as its current folder (null: this process's).</summary>
    public static ProcessRunner.Result RunIn(string? workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", [Dll, .. arguments], timeout: TimeSpan.FromMinutes(2), workingDirectory: workingDirectory,
            environment: new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" });

    public static string Fixture(string relative) => Path.Combine(TestPaths.Fixtures, relative);

    public static IReadOnlyList<string> FixtureArticles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "articles"), "*.md", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal).ToList();
}
