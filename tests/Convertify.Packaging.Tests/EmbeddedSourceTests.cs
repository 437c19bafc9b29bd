using System.Reflection.Metadata;

namespace Convertify.Packaging.Tests;

/// <summary>The symbols a package ships hold every C# file of its project, so a debugger shows the code without a server.</summary>
public sealed class EmbeddedSourceTests
{
    // The PDB's custom debug information kind for an embedded source file (Portable PDB specification).
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Theory]
    [MemberData(nameof(PackagedAssemblies.Projects), MemberType = typeof(PackagedAssemblies))]
    public void The_pdb_embeds_every_source_file_of_the_project(string project, string assemblyName)
    {
        var pdb = Path.Combine(AppContext.BaseDirectory, assemblyName + ".pdb");
        File.Exists(pdb).ShouldBeTrue($"{pdb} is missing: the test project copies the PDBs of the projects it references");
        using var stream = File.OpenRead(pdb);
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var reader = provider.GetMetadataReader();

        var embedded = new List<string>();
        var notEmbedded = new List<string>();
        foreach (var handle in reader.Documents)
        {
            var name = reader.GetString(reader.GetDocument(handle).Name);
            var hasSource = reader.GetCustomDebugInformation(handle)
                .Any(i => reader.GetGuid(reader.GetCustomDebugInformation(i).Kind) == EmbeddedSource);
            (hasSource ? embedded : notEmbedded).Add(name);
        }

        notEmbedded.ShouldBeEmpty();
        var projectFolder = PackagedAssemblies.ProjectFolder(project);
        var onDisk = Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(projectFolder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Documents are named by the build's path, or /_/src/<Project>/... in a CI (deterministic) build.
        var marker = $"/src/{project}/";
        var ofProject = embedded.Select(n => n.Replace('\\', '/'))
            .Where(n => n.Contains(marker, StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..])
            .Where(n => !n.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        onDisk.Count.ShouldBeGreaterThan(0);
        ofProject.ShouldBe(onDisk);
    }
}
