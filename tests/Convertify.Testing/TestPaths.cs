namespace Convertify.Testing;

/// <summary>Locations inside the repository, found from the test binary upwards.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Convertify.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Convertify.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (the folder holding Convertify.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The bundled fixtures folder.</summary>
    public static string Fixtures => Path.Combine(RepoRoot, "fixtures");

    /// <summary>A fresh empty temporary folder, removed when disposed.</summary>
    public static TemporaryFolder NewTemporaryFolder() => new();
}
