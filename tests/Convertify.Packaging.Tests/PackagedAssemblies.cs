using System.Reflection;
using Convertify.Testing;

namespace Convertify.Packaging.Tests;

/// <summary>The assemblies under src/ and their project folders.</summary>
public static class PackagedAssemblies
{
    /// <summary>
    /// Every library package's project. The CLI (assembly convertify) is left out of the API listing: it is packed
    /// as a dotnet tool, whose package has no lib/ folder, so no host can reference its types.
    /// </summary>
    public static TheoryData<string> Libraries { get; } = new(
        "Convertify.Archive", "Convertify.Batch", "Convertify.Core", "Convertify.Documents", "Convertify.Excel",
        "Convertify.Extensions.DependencyInjection", "Convertify.Markdown", "Convertify.Markdown.Reader", "Convertify.Word");

    /// <summary>Every project under src/: the libraries and the CLI (project name, assembly name).</summary>
    public static TheoryData<string, string> Projects { get; } = Build();

    public static string ProjectFolder(string project) => Path.Combine(TestPaths.RepoRoot, "src", project);

    public static Assembly Load(string assemblyName) => Assembly.Load(new AssemblyName(assemblyName));

    private static TheoryData<string, string> Build()
    {
        var data = new TheoryData<string, string>();
        foreach (var project in Libraries)
        {
            data.Add(project.Data, project.Data);
        }
        data.Add("Convertify.Cli", "convertify");
        return data;
    }
}
