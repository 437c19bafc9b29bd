using Convertify.Testing;

namespace Convertify.Markdown.Tests;

/// <summary>A minimal Hugo site for the tests: config, a single-page layout of the test's own, a list layout, and <c>content/posts</c>.</summary>
internal static class HugoSite
{
    public static TemporaryFolder Create(string singleLayout)
    {
        var site = new TemporaryFolder();
        Directory.CreateDirectory(site.File("content/posts"));
        Directory.CreateDirectory(site.File("layouts/_default"));
        File.WriteAllText(site.File("hugo.toml"), """
            baseURL = "https://example.org/"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            [markup.goldmark.renderer]
            unsafe = false
            """);
        File.WriteAllText(site.File("layouts/_default/single.html"), singleLayout);
        File.WriteAllText(site.File("layouts/_default/list.html"), "{{ range .Pages }}{{ .Title }}\n{{ end }}");
        return site;
    }
}
