using Convertify.Archive.Sites;
using Convertify.Model;

namespace Convertify.Archive.Tests;

public sealed class SiteCatalogTests
{
    [Fact]
    public void Every_site_is_found_by_its_folder_and_its_hosts()
    {
        SiteCatalog.Profiles.Select(p => p.Code).ShouldBeUnique();
        foreach (var profile in SiteCatalog.Profiles)
        {
            SiteCatalog.Resolve(profile.Code.ToUpperInvariant(), null, isArchiveFolder: false).ShouldBe(new SiteInfo(profile.Code, profile.Name));
            SiteCatalog.Resolve(profile.Name, null, isArchiveFolder: false).ShouldBe(new SiteInfo(profile.Code, profile.Name));
            foreach (var host in profile.Hosts)
            {
                SiteCatalog.Resolve(null, new Uri("https://" + host + "/a"), isArchiveFolder: false)!.Code.ShouldBe(profile.Code);
                SiteCatalog.Resolve("其他", new Uri("https://www." + host + "/a"), isArchiveFolder: true)!.Code.ShouldBe(profile.Code);
            }
        }
        SiteCatalog.Resolve(null, new Uri("https://notbbc.com/a"), isArchiveFolder: false).ShouldBe(new SiteInfo("notbbc.com", "notbbc.com"));
        SiteCatalog.Resolve("Lindenport", null, isArchiveFolder: true).ShouldBe(new SiteInfo("lindenport", "Lindenport"));
        SiteCatalog.Resolve("seed", null, isArchiveFolder: false).ShouldBeNull();
    }

    [Fact]
    public void A_sites_rules_apply_to_articles_of_every_site()
    {
        // The feed's layouts cross sites: nyt's <address> byline and rfi's bare date line are read in any article.
        var voa = ArchiveInput.Read("<address>王小明</address><p>正文。</p>");
        voa.Metadata.Authors.ShouldBe(["王小明"]);
        var other = ArchiveInput.Read("<div>26/09/2023 - 10:44</div><p>正文。</p>", path: "articles/example/1.md", url: "https://example.com/a/1.html");
        other.Metadata.Published!.Source.ShouldBe(DateSource.BodyReconciled);
        ArchiveInput.BodyText(other).ShouldNotContain("2023");
    }
}
