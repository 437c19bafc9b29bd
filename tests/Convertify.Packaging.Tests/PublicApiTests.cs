using System.Text;

namespace Convertify.Packaging.Tests;

/// <summary>
/// The public surface of each package is checked in as src/&lt;Project&gt;/PublicAPI.txt, so that every change to it
/// shows in review. Accept a deliberate change with CONVERTIFY_ACCEPT_API=1 (the test then rewrites the files).
/// </summary>
public sealed class PublicApiTests
{
    private const string AcceptVariable = "CONVERTIFY_ACCEPT_API";

    [Theory]
    [MemberData(nameof(PackagedAssemblies.Libraries), MemberType = typeof(PackagedAssemblies))]
    public void The_public_API_is_the_checked_in_listing(string project)
    {
        var listed = PublicApiListing.Of(PackagedAssemblies.Load(project));
        var file = Path.Combine(PackagedAssemblies.ProjectFolder(project), "PublicAPI.txt");
        var checkedIn = File.Exists(file) ? File.ReadAllText(file) : "";
        if (listed == checkedIn)
        {
            return;
        }
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(file, listed, new UTF8Encoding(false));
            return;
        }
        Assert.Fail($"""
            The public API of {project} differs from src/{project}/PublicAPI.txt (- listed, + now):
            {LineDiff.Of(checkedIn, listed)}
            If the change is intended, accept it (rewrites the listings) and commit them:
              {AcceptVariable}=1 dotnet test tests/Convertify.Packaging.Tests -c Release
            """);
    }

    [Fact]
    public void The_listing_is_deterministic_and_names_types_members_and_nullability()
    {
        var assembly = PackagedAssemblies.Load("Convertify.Core");
        var listing = PublicApiListing.Of(assembly);

        PublicApiListing.Of(assembly).ShouldBe(listing);
        listing.ShouldContain("public sealed class Convertify.Conversion.ConverterBuilder\n");
        listing.ShouldContain("\n  ConverterBuilder AddReader(IArticleReader reader)\n");
        listing.ShouldNotContain("AtomicFile");
        listing.ShouldNotContain("XmlSafeText");
        PublicApiListing.Of(PackagedAssemblies.Load("Convertify.Word"))
            .ShouldContain("static ConverterBuilder AddWord(this ConverterBuilder builder, WordWriterOptions? options = null)");
    }

    [Fact]
    public void Hosts_see_no_batch_sources()
    {
        PublicApiListing.Of(PackagedAssemblies.Load("Convertify.Batch")).ShouldNotContain("Convertify.Batch.Sources");
    }

    [Theory]
    [MemberData(nameof(PackagedAssemblies.Libraries), MemberType = typeof(PackagedAssemblies))]
    public void Parameter_names_say_what_they_are(string project)
    {
        // IntelliSense shows these names: AddWord(b, o) says nothing, AddWord(builder, options) does. "id" is a word.
        var cryptic = PublicApiListing.VisibleParameters(PackagedAssemblies.Load(project))
            .Where(p => p.Parameter.Length <= 2 && !p.Parameter.Equals("id", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.Member}({p.Parameter})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        cryptic.ShouldBeEmpty();
    }

    [Fact]
    public void The_diff_names_the_type_of_a_changed_member()
    {
        var before = "public sealed class A\n  ctor()\n  void Run()\npublic sealed class B\n  ctor()\n";
        var after = "public sealed class A\n  ctor()\n  void Run()\npublic sealed class B\n  ctor(int size)\n";

        LineDiff.Of(before, after).ShouldBe("@ public sealed class B\n+   ctor(int size)\n-   ctor()\n");
    }
}
