using System.Globalization;
using System.Text;
using Convertify.Formats;
using Convertify.Markdown.Internal;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Markdown.Dossier;

/// <summary>
/// One dossier being written: each article's section is rendered to a temporary spool file as it arrives and only
/// its <see cref="DossierEntry"/> is kept; <see cref="Complete"/> writes front matter, contents, the sections in
/// order and the notes.
/// </summary>
internal sealed class MarkdownDossierSink : IArticleSink
{
    private const int SectionLevel = 2;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly string EmptyTextHash = ContentHash.Compute(string.Empty);

    private readonly Stream _output;
    private readonly MarkdownWriterOptions _options;
    private readonly DossierOptions _dossier;
    private readonly FileStream _spool;
    private readonly DossierAnchors _anchors = new();
    private readonly List<DossierEntry> _entries = [];
    private readonly Dictionary<string, DossierEntry> _byUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DossierEntry> _byHash = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Title, string Reason)> _duplicates = [];
    private readonly List<(string Path, string Message)> _failures = [];
    private readonly CharBuffer _text = new(1024);
    private bool _completed;

    public MarkdownDossierSink(Stream output, MarkdownWriterOptions options, DossierOptions dossier)
    {
        _output = output;
        _options = options;
        _dossier = dossier;
        _spool = new FileStream(Path.Combine(Path.GetTempPath(), "convertify-dossier-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
    }

    public void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        EnsureOpen();
        var m = article.Metadata;
        var title = SingleLine(m.Title);
        var urlKey = UrlKey(m.OriginalUrl);
        var hash = article.Statistics.ContentHash;
        var hashKey = string.IsNullOrEmpty(hash) || hash == EmptyTextHash ? null : hash;
        if (urlKey is not null && _byUrl.TryGetValue(urlKey, out var sameUrl))
        {
            _duplicates.Add((m.Id, title, $"same original URL as {sameUrl.Id}"));
            return;
        }
        if (hashKey is not null && _byHash.TryGetValue(hashKey, out var sameText))
        {
            _duplicates.Add((m.Id, title, $"same text as {sameText.Id}"));
            return;
        }
        var anchor = _anchors.Next(m.Id);
        var offset = _spool.Position;
        _text.Clear();
        AppendHeading(_text, SectionLevel, title.Length > 0 ? title : m.Id, anchor);
        _text.Append('\n');
        AppendMetadataLine(_text, m);
        WriteUtf8(_text, _spool);
        var rendering = MarkdownRendering.Rent();
        try
        {
            rendering.RenderSection(article, _options, SectionLevel);
            // An empty body is one line end: nothing to add under the metadata line.
            if (rendering.Output.Length > 1)
            {
                _spool.WriteByte((byte)'\n');
                rendering.WriteUtf8(_spool);
            }
        }
        finally
        {
            MarkdownRendering.Return(rendering);
        }
        var entry = new DossierEntry(_entries.Count + _duplicates.Count, m.Id, title, anchor, m.Site,
            m.Published?.Value ?? m.FeedTime, m.Language ?? "", offset, _spool.Position - offset, article.Warnings.IsDefault ? [] : article.Warnings);
        _entries.Add(entry);
        if (urlKey is not null) _byUrl.TryAdd(urlKey, entry);
        if (hashKey is not null) _byHash.TryAdd(hashKey, entry);
    }

    public void AddFailure(string sourcePath, string message)
    {
        EnsureOpen();
        _failures.Add((SingleLine(sourcePath), SingleLine(message)));
    }

    public void Complete()
    {
        EnsureOpen();
        _completed = true;
        var ordered = Order(_entries, _dossier.Order);
        var title = Title(ordered);
        _text.Clear();
        if (_options.FrontMatter)
        {
            WriteFrontMatter(_text, title, ordered);
        }
        if (_options.WritesTitleHeading)
        {
            if (_text.Length > 0) _text.Append('\n');
            _text.Append("# ");
            MarkdownEscaper.AppendText(_text, title, atLineStart: false, inHeading: true);
            _text.Append('\n');
        }
        if (_text.Length > 0) _text.Append('\n');
        AppendHeading(_text, SectionLevel, "Contents", DossierAnchors.Contents);
        if (ordered.Count > 0)
        {
            _text.Append('\n');
        }
        foreach (var entry in ordered)
        {
            _text.Append("- ");
            AppendLink(_text, entry);
        }
        WriteUtf8(_text, _output);
        _spool.Flush();
        foreach (var entry in ordered)
        {
            _output.WriteByte((byte)'\n');
            CopySection(entry);
        }
        _text.Clear();
        AppendNotes(_text, ordered);
        WriteUtf8(_text, _output);
        _output.Flush();
    }

    public void Dispose() => _spool.Dispose();

    private void EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(!_spool.CanRead, this);
        if (_completed)
        {
            throw new InvalidOperationException("The dossier is already complete.");
        }
    }

    private void CopySection(DossierEntry entry)
    {
        _spool.Position = entry.Offset;
        var buffer = new byte[64 * 1024];
        var left = entry.Length;
        while (left > 0)
        {
            var read = _spool.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new EndOfStreamException("The dossier's spool file is shorter than written.");
            _output.Write(buffer, 0, read);
            left -= read;
        }
    }

    /// <summary>Date: published then id; Site: site code, published, id; Input: as added.</summary>
    private static List<DossierEntry> Order(List<DossierEntry> entries, DossierOrder order) => order switch
    {
        DossierOrder.Site => [.. entries.OrderBy(e => e.Site.Code, StringComparer.Ordinal).ThenBy(e => e.Published).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Index)],
        DossierOrder.Input => [.. entries],
        _ => [.. entries.OrderBy(e => e.Published).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Index)],
    };

    /// <summary>The given title, else "Dossier: &lt;site names&gt;, &lt;first date&gt; – &lt;last date&gt;".</summary>
    private string Title(List<DossierEntry> entries)
    {
        if (!string.IsNullOrWhiteSpace(_dossier.Title))
        {
            return SingleLine(_dossier.Title);
        }
        if (entries.Count == 0)
        {
            return "Dossier";
        }
        return $"Dossier: {string.Join(", ", SiteNames(entries))}, {DateRange(entries)}";
    }

    private static List<string> SiteNames(List<DossierEntry> entries) =>
        [.. entries.Select(e => e.Site).DistinctBy(s => s.Code, StringComparer.Ordinal).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => SingleLine(string.IsNullOrWhiteSpace(s.DisplayName) ? s.Code : s.DisplayName))];

    private static string DateRange(List<DossierEntry> entries)
    {
        var first = Day(entries.Min(e => e.Published));
        var last = Day(entries.Max(e => e.Published));
        return first == last ? first : first + " – " + last;
    }

    private static string Day(DateTimeOffset time) => time.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The collection's front matter: <c>title</c>, <c>date</c> (the latest publication, or the options' creation time),
    /// <c>articles</c>, <c>sites</c>, <c>first_date</c>, <c>last_date</c>, <c>date_range</c>, and <c>lang</c> and
    /// <c>isCJKLanguage</c> when every article shares one language.
    /// </summary>
    private void WriteFrontMatter(CharBuffer text, string title, List<DossierEntry> entries)
    {
        var yaml = new List<FrontMatterWriter.Entry>();
        void Quoted(string key, string value) => yaml.Add(new(key, [FrontMatterWriter.Clean(value)], Quoted: true, IsList: false));
        void Plain(string key, string value) => yaml.Add(new(key, [value], Quoted: false, IsList: false));

        Quoted("title", title);
        var date = _dossier.Created ?? (entries.Count > 0 ? entries.Max(e => e.Published) : null);
        if (date is { } created)
        {
            Plain("date", FrontMatterWriter.Rfc3339(created));
        }
        Plain("articles", entries.Count.ToString(CultureInfo.InvariantCulture));
        var sites = SiteNames(entries);
        if (sites.Count > 0)
        {
            yaml.Add(new("sites", [.. sites.Select(FrontMatterWriter.Clean)], Quoted: true, IsList: true));
        }
        if (entries.Count > 0)
        {
            Plain("first_date", FrontMatterWriter.Rfc3339(entries.Min(e => e.Published)));
            Plain("last_date", FrontMatterWriter.Rfc3339(entries.Max(e => e.Published)));
            Quoted("date_range", DateRange(entries));
            var languages = entries.Select(e => e.Language).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (languages.Count == 1 && languages[0].Length > 0)
            {
                Quoted("lang", languages[0]);
            }
            // Hugo counts words and cuts summaries by character for CJK pages: right when every article is CJK.
            if (entries.All(e => FrontMatterWriter.IsCjkLanguage(e.Language)))
            {
                Plain("isCJKLanguage", "true");
            }
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        FrontMatterWriter.Emit(yaml, writer);
        text.Append("---\n").Append(writer.ToString()).Append("---\n");
    }

    /// <summary>Source · date with zone · authors · original link · archive id.</summary>
    private static void AppendMetadataLine(CharBuffer text, ArticleMetadata m)
    {
        var site = SingleLine(string.IsNullOrWhiteSpace(m.Site?.DisplayName) ? m.Site?.Code : m.Site.DisplayName);
        var atLineStart = true;
        void Part(string value)
        {
            if (!atLineStart) text.Append(" · ");
            MarkdownEscaper.AppendText(text, value, atLineStart);
            atLineStart = false;
        }
        if (site.Length > 0) Part(site);
        var published = m.Published?.Value ?? m.FeedTime;
        Part(published.ToString(m.Published?.Precision == DatePrecision.Day ? "yyyy'-'MM'-'dd" : "yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture)
            + (published.Offset == TimeSpan.Zero ? " UTC" : published.ToString(" zzz", CultureInfo.InvariantCulture)));
        var authors = m.Authors.IsDefault ? [] : m.Authors.Select(SingleLine).Where(a => a.Length > 0).ToList();
        if (authors.Count > 0) Part(string.Join(", ", authors));
        var url = FrontMatterWriter.Clean(m.OriginalUrl).Trim();
        if (url.Length > 0)
        {
            if (!atLineStart) text.Append(" · ");
            text.Append('[');
            MarkdownEscaper.AppendText(text, Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : "original", atLineStart: false);
            text.Append("](");
            MarkdownEscaper.AppendDestination(text, url);
            text.Append(')');
            atLineStart = false;
        }
        Part(SingleLine(m.Id));
        text.Append('\n');
    }

    private void AppendNotes(CharBuffer text, List<DossierEntry> ordered)
    {
        var warned = ordered.Where(e => !e.Warnings.IsEmpty).ToList();
        if (_duplicates.Count == 0 && _failures.Count == 0 && warned.Count == 0)
        {
            return;
        }
        text.Append('\n');
        AppendHeading(text, SectionLevel, "Notes", DossierAnchors.Notes);
        if (_duplicates.Count > 0)
        {
            text.Append("\nLeft out as duplicates:\n\n");
            foreach (var (id, title, reason) in _duplicates)
            {
                text.Append("- ");
                MarkdownEscaper.AppendText(text, id, atLineStart: false);
                if (title.Length > 0)
                {
                    text.Append(" (");
                    MarkdownEscaper.AppendText(text, title, atLineStart: false);
                    text.Append(')');
                }
                text.Append(": ");
                MarkdownEscaper.AppendText(text, reason, atLineStart: false);
                text.Append('\n');
            }
        }
        if (_failures.Count > 0)
        {
            text.Append("\nCould not be converted:\n\n");
            foreach (var (path, message) in _failures)
            {
                text.Append("- ");
                MarkdownEscaper.AppendText(text, path, atLineStart: false);
                text.Append(": ");
                MarkdownEscaper.AppendText(text, message, atLineStart: false);
                text.Append('\n');
            }
        }
        if (warned.Count > 0)
        {
            text.Append("\nWarnings:\n\n");
            foreach (var entry in warned)
            {
                text.Append("- ");
                AppendLink(text, entry);
                foreach (var warning in entry.Warnings)
                {
                    text.Append("  - ");
                    MarkdownEscaper.AppendText(text, SingleLine(warning.ToString()), atLineStart: false);
                    text.Append('\n');
                }
            }
        }
    }

    /// <summary><c>[title](#anchor)</c> and a line end.</summary>
    private static void AppendLink(CharBuffer text, DossierEntry entry)
    {
        text.Append('[');
        MarkdownEscaper.AppendText(text, entry.Title.Length > 0 ? entry.Title : entry.Id, atLineStart: false);
        text.Append("](#").Append(entry.Anchor).Append(")\n");
    }

    /// <summary>
    /// <c>## text {#anchor}</c>. Braces in the text are escaped so that only the last group can be read as attributes.
    /// </summary>
    private static void AppendHeading(CharBuffer text, int level, string heading, string anchor)
    {
        text.Append('#', level).Append(' ');
        foreach (var part in heading.AsSpan().SplitAny('{', '}'))
        {
            if (part.Start.Value > 0)
            {
                text.Append('\\').Append(heading[part.Start.Value - 1]);
            }
            MarkdownEscaper.AppendText(text, heading.AsSpan()[part], atLineStart: false, inHeading: true);
        }
        text.Append(" {#").Append(anchor).Append("}\n");
    }

    /// <summary>Text on one line: what YAML and Markdown cannot hold removed, line breaks and tabs as spaces, trimmed.</summary>
    private static string SingleLine(string? value)
    {
        var clean = FrontMatterWriter.Clean(value);
        return clean.AsSpan().IndexOfAny("\r\n\t\u0085\u2028\u2029") < 0 ? clean.Trim()
            : string.Join(' ', clean.Split(['\r', '\n', '\t', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>A URL for duplicate detection: scheme and host lower case, fragment and trailing slash dropped; null when blank.</summary>
    private static string? UrlKey(string? url)
    {
        var trimmed = (url ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped).TrimEnd('/')
            : trimmed.TrimEnd('/');
    }

    private static void WriteUtf8(CharBuffer text, Stream stream)
    {
        var chars = text.AsSpan();
        var bytes = new byte[Utf8.GetMaxByteCount(chars.Length)];
        var count = Utf8.GetBytes(chars, bytes);
        stream.Write(bytes, 0, count);
    }
}
