using System.Globalization;

namespace Convertify.Robustness.Tests.Support;

/// <summary>Builds archive article files (comment line, title link, rule, HTML body) around generated parts.</summary>
internal static class ArchiveText
{
    public static string Article(string title, string url, string bodyHtml, long feedMilliseconds = 1_700_000_000_000) =>
        "<!--" + feedMilliseconds.ToString(CultureInfo.InvariantCulture) + "-->\n[" + title + "](" + url + ")\n------\n\n" + bodyHtml + "\n";

    public static string Body(string bodyHtml) => Article("A plain title", "https://www.voachinese.com/a/robust.html", bodyHtml);
}
