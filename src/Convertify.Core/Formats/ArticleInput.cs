using Convertify.Errors;

namespace Convertify.Formats;

/// <summary>The raw bytes of one input, and the path they came from (used for the id and in errors).</summary>
/// <param name="Path">Path of the input as the user named it, or a name for in-memory input.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record ArticleInput(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>Largest input a reader accepts (64 MiB): anything larger is not an article.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The file's full path, for an input read from a file by <see cref="FromFile"/> or <see cref="FromFileAsync"/>: the
    /// folders it lies in (<c>…/articles/&lt;site&gt;/</c>) give the article's site and id the same whichever folder the
    /// path was named from. Null for other inputs, whose <see cref="Path"/> is used.
    /// </summary>
    public string? FullPath { get; init; }

    /// <summary>Reads a file, refusing one larger than <see cref="MaxBytes"/> before reading it.</summary>
    /// <exception cref="ArticleFormatException">The file is missing, unreadable or too large.</exception>
    public static ArticleInput FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ArticleInput(path, ReadFile(path, regularOnly: false)) { FullPath = System.IO.Path.GetFullPath(path) };
    }

    /// <summary>
    /// Reads a file as <see cref="FromFile"/> does, refusing a named pipe, socket or other stream instead of waiting for
    /// it (on Linux): for inputs found by listing a folder, where such a thing is not an article and could block forever.
    /// </summary>
    /// <exception cref="ArticleFormatException">The file is missing, unreadable, too large or not a file.</exception>
    public static ArticleInput FromRegularFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ArticleInput(path, ReadFile(path, regularOnly: true)) { FullPath = System.IO.Path.GetFullPath(path) };
    }

    /// <summary>
    /// The bytes <see cref="FromRegularFile"/> reads, for a caller that names the input itself and so needs neither
    /// <see cref="FullPath"/> nor the input made here.
    /// </summary>
    /// <exception cref="ArticleFormatException">The file is missing, unreadable, too large or not a file.</exception>
    internal static byte[] ReadRegularFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFile(path, regularOnly: true);
    }

    /// <summary>Reads a file asynchronously, with the same checks as <see cref="FromFile"/>.</summary>
    public static async Task<ArticleInput> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            CheckFile(path);
            return new ArticleInput(path, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false))
            {
                FullPath = System.IO.Path.GetFullPath(path),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFormatException(path, FormatProblem.Unreadable, e.Message);
        }
    }

    // Through one handle: open, its length, one read, close. A batch reads tens of thousands of small files; looking the
    // file up by name first (FileInfo: lstat) and then opening it cost system calls per file for nothing the handle does not tell.
    private static byte[] ReadFile(string path, bool regularOnly)
    {
        try
        {
            using var handle = (regularOnly ? RegularFileOpener.TryOpen(path) : null) ?? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long length;
            try
            {
                length = RandomAccess.GetLength(handle);
            }
            catch (NotSupportedException)
            {
                // A pipe (/dev/stdin) has no length: read it to its end, unless only files are wanted.
                return regularOnly
                    ? throw new ArticleFormatException(path, FormatProblem.Unreadable, "not a regular file (a named pipe, socket or other stream)")
                    : ReadToEnd(handle, path);
            }
            if (length > MaxBytes)
            {
                throw TooLarge(path, length);
            }
            if (length == 0)
            {
                // Empty, or a file that does not tell its length (/proc): read what there is.
                return ReadToEnd(handle, path);
            }
            var content = new byte[length];
            var read = 0;
            while (read < content.Length)
            {
                var n = RandomAccess.Read(handle, content.AsSpan(read), read);
                if (n == 0)
                {
                    // The file shrank since its length was taken: what is there now is the input.
                    return content[..read];
                }
                read += n;
            }
            return content;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException || e is UnauthorizedAccessException && Directory.Exists(path))
        {
            // Opening a folder fails with EACCES, which would read as a permission problem: say what it is.
            throw NotFound(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFormatException(path, FormatProblem.Unreadable, e.Message);
        }
    }

    private static byte[] ReadToEnd(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path)
    {
        var content = new byte[4096];
        var read = 0;
        int n;
        while ((n = RandomAccess.Read(handle, content.AsSpan(read), read)) > 0)
        {
            read += n;
            if (read > MaxBytes)
            {
                throw new ArticleFormatException(path, FormatProblem.TooLarge,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"input is larger than {MaxBytes:N0} bytes"));
            }
            if (read == content.Length)
            {
                Array.Resize(ref content, content.Length * 2);
            }
        }
        return content[..read];
    }

    private static void CheckFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw NotFound(path);
        }
        if (info.Length > MaxBytes)
        {
            throw TooLarge(path, info.Length);
        }
    }

    // A folder is not found as a file (FormatProblem.NotFound), but the message says it is a folder.
    private static ArticleFormatException NotFound(string path) =>
        new(path, FormatProblem.NotFound, Directory.Exists(path) ? "a folder, not a file" : "file not found");

    private static ArticleFormatException TooLarge(string path, long length) =>
        new(path, FormatProblem.TooLarge,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"file is {length:N0} bytes; an article is at most {MaxBytes:N0} bytes"));

    /// <summary>Reads a whole stream (at most <see cref="MaxBytes"/>).</summary>
    public static async Task<ArticleInput> FromStreamAsync(string path, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ArticleFormatException(path, FormatProblem.TooLarge, $"input is larger than {MaxBytes:N0} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        return new ArticleInput(path, buffer.ToArray());
    }

    /// <summary>Wraps a string (UTF-8 encoded).</summary>
    public static ArticleInput FromString(string path, string text) =>
        new(path, System.Text.Encoding.UTF8.GetBytes(text));
}
