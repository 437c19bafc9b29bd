using Convertify.Errors;

namespace Convertify.Formats;

/// <summary>The raw bytes of one input, and the path they came from (used for the id and in errors).</summary>
/// <param name="Path">Path of the input as the user named it, or a name for in-memory input.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record ArticleInput(string Path, ReadOnlyMemory<byte> Content)
{
    /// <summary>Largest input a reader accepts (64 MiB): anything larger is not an article.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads a file, refusing one larger than <see cref="MaxBytes"/> before reading it.</summary>
    /// <exception cref="ArticleFormatException">The file is missing, unreadable or too large.</exception>
    public static ArticleInput FromFile(string path)
    {
        try
        {
            CheckFile(path);
            return new ArticleInput(path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFormatException(path, FormatProblem.Unreadable, e.Message);
        }
    }

    /// <summary>Reads a file asynchronously, with the same checks as <see cref="FromFile"/>.</summary>
    public static async Task<ArticleInput> FromFileAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            CheckFile(path);
            return new ArticleInput(path, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArticleFormatException(path, FormatProblem.Unreadable, e.Message);
        }
    }

    private static void CheckFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArticleFormatException(path, FormatProblem.NotFound, "file not found");
        }
        if (info.Length > MaxBytes)
        {
            throw new ArticleFormatException(path, FormatProblem.TooLarge,
                $"file is {info.Length:N0} bytes; an article is at most {MaxBytes:N0} bytes");
        }
    }

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
