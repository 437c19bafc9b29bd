using Convertify.Testing;

namespace Convertify.Excel.Tests;

public sealed class LibreOfficeTests
{
    [Fact]
    public void LibreOffice_converts_the_catalogue_and_shows_formula_like_text_literally()
    {
        var soffice = ExternalClients.RequireCommand("soffice");
        using var folder = TestPaths.NewTemporaryFolder();
        var path = CatalogFile.WriteFile(folder.Path, SampleCatalog.Write());
        var profile = "file:///tmp/lo-xl-" + Guid.NewGuid().ToString("N");
        foreach (var format in new[] { "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "pdf" })
        {
            var result = ProcessRunner.Run(soffice,
                ["--headless", "-env:UserInstallation=" + profile, "--convert-to", format, "--outdir", folder.Path, path],
                timeout: TimeSpan.FromMinutes(4));
            result.ExitCode.ShouldBe(0, result.ToString());
            result.StandardError.ShouldNotContain("Error", Case.Insensitive, result.ToString());
        }
        // -1 as the sheet option exports every sheet to its own file: catalogue-Articles.csv, ….
        var csvPath = Path.Combine(folder.Path, "catalogue-Articles.csv");
        File.Exists(csvPath).ShouldBeTrue(string.Join(", ", Directory.GetFiles(folder.Path)));
        var csv = File.ReadAllText(csvPath);
        csv.ShouldContain("=1+1");
        csv.ShouldContain("+SUM(A1)");
        csv.ShouldContain("@cmd");
        csv.ShouldContain("港口在风暴后重新开放");
        csv.ShouldContain("2024-03-05 14:30");
        File.Exists(Path.Combine(folder.Path, "catalogue-Sites.csv")).ShouldBeTrue();
        new FileInfo(Path.Combine(folder.Path, "catalogue.pdf")).Length.ShouldBeGreaterThan(1000);
        try
        {
            Directory.Delete(new Uri(profile).LocalPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
