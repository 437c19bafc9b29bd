using System.Text.RegularExpressions;
using Convertify.Robustness.Tests.Support;
using Convertify.Testing;

namespace Convertify.Robustness.Tests;

/// <summary>
/// Guarantee "never reaches the network unasked": the CLI converts the whole corpus to every format inside a
/// network namespace with no interfaces (<c>unshare -n</c>) under <c>strace</c>, and opens no AF_INET/AF_INET6
/// socket. A positive control shows the check sees sockets: <c>--fetch-images</c> (the one path that downloads)
/// does open one, to a loopback address that the empty namespace cannot reach. Its http(s)-only, redirect,
/// timeout and size-cap rules are tested in tests/Convertify.Word.Tests/ImageFetchTests.cs.
/// </summary>
public sealed class NetworkIsolationTests
{
    private static readonly Regex InternetSocket = new(@"socket\(AF_INET6?,|sa_family=AF_INET6?[,}]", RegexOptions.CultureInvariant);

    private static string Cli => Path.Combine(AppContext.BaseDirectory, "convertify.dll");

    [Fact]
    public void Converting_the_corpus_to_every_format_opens_no_internet_socket()
    {
        var (unshare, strace) = RequireTools();
        var archive = Corpus.Archive();
        using var temp = new TemporaryFolder();
        var log = temp.File("strace.log");
        var result = Traced(unshare, strace, log, ["batch", archive, "--to", "md,docx,xlsx", "--out", temp.File("out"), "--quiet"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.EnumerateFiles(temp.File("out"), "*.docx", SearchOption.AllDirectories).Count().ShouldBe(Corpus.ArticleFiles().Count);
        File.Exists(temp.File("out/catalog.xlsx")).ShouldBeTrue();
        InternetSockets(log).ShouldBeEmpty();
    }

    [Fact]
    public void Converting_one_file_to_each_format_opens_no_internet_socket()
    {
        var (unshare, strace) = RequireTools();
        using var temp = new TemporaryFolder();
        var article = temp.File("1234567.md");
        File.WriteAllText(article, ArchiveText.Body("<p>text</p><img src=\"https://127.0.0.1:9/a.jpg\"><a href=\"https://127.0.0.1:9/\">link</a>"));
        foreach (var format in new[] { "md", "docx", "xlsx" })
        {
            var log = temp.File(format + ".log");
            var result = Traced(unshare, strace, log, ["convert", article, "--to", format, "-o", temp.File("out." + format)]);
            result.ExitCode.ShouldBe(0, result.ToString());
            InternetSockets(log).ShouldBeEmpty(format);
        }
    }

    [Fact]
    public void Fetch_images_is_the_path_that_opens_sockets_and_the_check_sees_it()
    {
        var (unshare, strace) = RequireTools();
        using var temp = new TemporaryFolder();
        var article = temp.File("1234567.md");
        // A loopback image, allowed: inside the empty namespace even loopback is down, so nothing is reached.
        File.WriteAllText(article, ArchiveText.Body("<p>text</p><img src=\"https://127.0.0.1:9/a.jpg\">"));
        var log = temp.File("fetch.log");
        var result = Traced(unshare, strace, log, ["convert", article, "--to", "docx", "--fetch-images", "--allow-private-hosts", "--fetch-timeout", "2", "-o", temp.File("out.docx")]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardError.ShouldContain("not downloaded");
        InternetSockets(log).ShouldNotBeEmpty("the positive control: --fetch-images must try to connect");
    }

    private static (string Unshare, string Strace) RequireTools()
    {
        var unshare = ExternalClients.RequireCommand("unshare");
        var strace = ExternalClients.RequireCommand("strace");
        var probe = ProcessRunner.Run(unshare, ["-n", "true"], timeout: TimeSpan.FromSeconds(30));
        ExternalClients.Require(probe.ExitCode == 0, "'unshare -n' (network namespaces; needs root or user namespaces)");
        return (unshare, strace);
    }

    private static ProcessRunner.Result Traced(string unshare, string strace, string log, IEnumerable<string> arguments) =>
        ProcessRunner.Run(unshare, ["-n", strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", log, "dotnet", Cli, .. arguments],
            timeout: TimeSpan.FromMinutes(5), environment: new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });

    private static List<string> InternetSockets(string log) =>
        File.ReadLines(log).Where(line => InternetSocket.IsMatch(line)).Take(5).ToList();
}
