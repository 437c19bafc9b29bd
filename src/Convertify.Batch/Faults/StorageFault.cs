using Microsoft.Data.Sqlite;

namespace Convertify.Batch.Faults;

/// <summary>
/// Tells a fault of the machine's storage (disk full, read-only, permission denied) from other errors, by the error
/// number the system gave, never by the message: on Unix .NET keeps the errno in an <see cref="IOException"/>'s
/// <see cref="Exception.HResult"/>, and SQLite its result code in <see cref="SqliteException.SqliteErrorCode"/>.
/// </summary>
internal static class StorageFault
{
    private const int Eperm = 1, Eacces = 13, Enospc = 28, Erofs = 30, Edquot = 122;
    private const int WindowsAccessDenied = 5, WindowsWriteProtect = 19, WindowsHandleDiskFull = 39, WindowsDiskFull = 112;
    private const int SqlitePerm = 3, SqliteReadOnly = 8, SqliteInputOutput = 10, SqliteFull = 13;
    private const long NearlyFull = 64 * 1024;

    /// <summary>The storage problem behind <paramref name="exception"/> or one of its inner exceptions; null when it is something else.</summary>
    public static StorageProblem? Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var problem = e switch
            {
                SqliteException sqlite => FromSqlite(sqlite.SqliteErrorCode & 0xFF),
                FileNotFoundException or DirectoryNotFoundException or PathTooLongException => null,
                IOException io => FromErrorNumber(io.HResult),
                // .NET makes EACCES and EPERM an UnauthorizedAccessException, with or without the errno inside.
                UnauthorizedAccessException when e.InnerException is null => StorageProblem.PermissionDenied,
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
            if (e is UnauthorizedAccessException)
            {
                return Classify(e.InnerException) ?? StorageProblem.PermissionDenied;
            }
        }
        return null;
    }

    /// <summary>The words for <paramref name="problem"/>, as the system says them (<c>no space left on device</c>).</summary>
    public static string Describe(StorageProblem problem) => problem switch
    {
        StorageProblem.NoSpace => "no space left on device",
        StorageProblem.ReadOnly => "read-only file system",
        StorageProblem.InputOutput => "input/output error",
        _ => "permission denied",
    };

    /// <summary>
    /// An I/O error that SQLite gave without its errno (a full tmpfs fails SQLite's shared-memory file as SQLITE_IOERR) is
    /// called a full disk when the file system of <paramref name="path"/> has (almost) no space left.
    /// </summary>
    public static StorageProblem Refine(StorageProblem problem, string path)
    {
        if (problem != StorageProblem.InputOutput)
        {
            return problem;
        }
        try
        {
            var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(path) ?? path;
            return new DriveInfo(folder).AvailableFreeSpace < NearlyFull ? StorageProblem.NoSpace : problem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return problem;
        }
    }

    private static StorageProblem? FromErrorNumber(int hresult)
    {
        if (OperatingSystem.IsWindows())
        {
            return (hresult & 0xFFFF) switch
            {
                WindowsDiskFull or WindowsHandleDiskFull => StorageProblem.NoSpace,
                WindowsWriteProtect => StorageProblem.ReadOnly,
                WindowsAccessDenied => StorageProblem.PermissionDenied,
                _ => null,
            };
        }
        // On Unix the HResult is the raw errno (no facility bits).
        return hresult switch
        {
            Enospc or Edquot => StorageProblem.NoSpace,
            Erofs => StorageProblem.ReadOnly,
            Eacces or Eperm => StorageProblem.PermissionDenied,
            _ => null,
        };
    }

    private static StorageProblem? FromSqlite(int primaryCode) => primaryCode switch
    {
        SqliteFull => StorageProblem.NoSpace,
        SqliteReadOnly => StorageProblem.ReadOnly,
        SqlitePerm => StorageProblem.PermissionDenied,
        SqliteInputOutput => StorageProblem.InputOutput,
        _ => null,
    };
}
