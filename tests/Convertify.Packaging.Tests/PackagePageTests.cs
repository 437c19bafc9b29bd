using System.Text.RegularExpressions;

namespace Convertify.Packaging.Tests;

/// <summary>
/// Each package's page is its project's PACKAGE.md (packed as README.md): there, a relative link or image resolves
/// against nothing and breaks, so only absolute http(s) or mailto targets are allowed.
/// </summary>
public sealed partial class PackagePageTests
{
    [Theory]
    [MemberData(nameof(PackagedAssemblies.Projects), MemberType = typeof(PackagedAssemblies))]
    public void The_package_page_exists_and_links_only_absolute_targets(string project, string assemblyName)
    {
        _ = assemblyName;
        var page = Path.Combine(PackagedAssemblies.ProjectFolder(project), "PACKAGE.md");
        File.Exists(page).ShouldBeTrue($"src/{project}/PACKAGE.md, the package page, is missing");
        var text = File.ReadAllText(page);

        RelativeTargets(text).ShouldBeEmpty($"src/{project}/PACKAGE.md");
        text.ShouldStartWith("# ");
        text.Split('\n').Length.ShouldBeLessThan(60, "a package page is short; details belong in the docs");
    }

    [Theory]
    [InlineData("see [the docs](../../docs/architecture.md)", "../../docs/architecture.md")]
    [InlineData("![logo](docs/logo.png \"Logo\")", "docs/logo.png")]
    [InlineData("[docs]: docs/index.md", "docs/index.md")]
    [InlineData("<img src=\"images/a.png\">", "images/a.png")]
    [InlineData("<a href='#usage'>usage</a>", "#usage")]
    public void A_relative_target_is_found(string markdown, string target) =>
        RelativeTargets(markdown).ShouldBe([target]);

    [Theory]
    [InlineData("[site](https://example.org/a) and ![pic](http://example.org/p.png)")]
    [InlineData("[mail](mailto:desk@example.org)")]
    [InlineData("`converter.Registry.Readers[0]` and `list[i](x)` in code")]
    [InlineData("```csharp\nvar x = a[0](b);\n```")]
    public void Absolute_targets_and_code_pass(string markdown) => RelativeTargets(markdown).ShouldBeEmpty();

    /// <summary>Every link, image, reference definition or HTML src/href target that is not absolute, outside code.</summary>
    public static IReadOnlyList<string> RelativeTargets(string markdown)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(markdown, ""), "");
        var targets = InlineLink().Matches(prose).Select(m => m.Groups["target"].Value)
            .Concat(ReferenceDefinition().Matches(prose).Select(m => m.Groups["target"].Value))
            .Concat(HtmlAttribute().Matches(prose).Select(m => m.Groups["target"].Value));
        return targets.Where(t => !AbsoluteTarget().IsMatch(t)).ToList();
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(\s*<?(?<target>[^)\s>]*)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"\b(?:src|href)\s*=\s*[""'](?<target>[^""']*)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAttribute();

    [GeneratedRegex(@"^(?:https?://|mailto:)", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteTarget();
}
