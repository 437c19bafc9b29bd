using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>
/// A batch's state in one SQLite database, <c>&lt;out&gt;/.convertify/state.db</c> (WAL journal): <c>manifest</c>, one row
/// per input whose outputs an earlier run wrote (what makes runs incremental), and the current run's <c>inputs</c>, one
/// row per input found, from which the report, its duplicate groups and the index cross-checks are read (the report's
/// order, groups and links to a group's first member are kept in tables of their own).
/// </summary>
/// <remarks>
/// SQLite is the system's <c>libsqlite3</c>: the NativeAOT binary links it directly (no library beside it), and the
/// .NET tool loads it by its soname when the unversioned name is not installed.
/// </remarks>
internal static class StateDatabase
{
    /// <summary>The folder in the output folder that holds the state.</summary>
    public const string FolderName = ".convertify";

    /// <summary>The database's file name in <see cref="FolderName"/>.</summary>
    public const string FileName = "state.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS manifest(
            path TEXT PRIMARY KEY, sha256 BLOB NOT NULL, tool TEXT NOT NULL, options TEXT NOT NULL, outputs TEXT NOT NULL
        ) WITHOUT ROWID;
        DROP TABLE IF EXISTS inputs;
        DROP TABLE IF EXISTS index_entries;
        DROP TABLE IF EXISTS report_order;
        DROP TABLE IF EXISTS duplicates;
        DROP TABLE IF EXISTS links;
        CREATE TABLE inputs(
            seq INTEGER PRIMARY KEY, path TEXT NOT NULL, path_key BLOB NOT NULL, status INTEGER NOT NULL, reason TEXT, id TEXT,
            has_outputs INTEGER NOT NULL, warnings TEXT,
            title TEXT, url TEXT, content_hash TEXT, published TEXT, feed_time TEXT);
        CREATE TABLE index_entries(list_path TEXT NOT NULL, month INTEGER NOT NULL, day INTEGER NOT NULL, title TEXT NOT NULL,
            site TEXT NOT NULL, id TEXT NOT NULL);
        CREATE TABLE report_order(rank INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
        CREATE TABLE duplicates(grp INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, path TEXT NOT NULL);
        CREATE TABLE links(seq INTEGER PRIMARY KEY, first TEXT NOT NULL);
        """;

    private static readonly Lazy<bool> s_sqlite = new(UseSystemSqlite);

    /// <summary>The database's full path for an output folder.</summary>
    public static string PathIn(string outputDirectory) => Path.Combine(outputDirectory, FolderName, FileName);

    /// <summary>Opens the state of <paramref name="outputDirectory"/> for a new run: the manifest kept, the run's tables made empty.</summary>
    public static SqliteConnection OpenForRun(string outputDirectory)
    {
        Directory.CreateDirectory(Path.Combine(outputDirectory, FolderName));
        var connection = Open(PathIn(outputDirectory));
        try
        {
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(connection, Schema);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection (not pooled: the file is closed with it). An empty <paramref name="path"/> is a private
    /// temporary database, held in memory until it grows and deleted when closed.
    /// </summary>
    public static SqliteConnection Open(string path, bool readOnly = false)
    {
        _ = s_sqlite.Value;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs statements that return nothing.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>A command with named parameters (<c>$name</c>), to be run many times.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params ReadOnlySpan<string> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        return command;
    }

    /// <summary>The rows of a query on a connection of its own, made as they are read (opened when enumerated, closed after).</summary>
    public static IEnumerable<T> Query<T>(string databasePath, string sql, Func<SqliteDataReader, T> read, long? parameter = null)
    {
        using var connection = Open(databasePath);
        using var command = Prepare(connection, sql, parameter is null ? [] : ["$p"]);
        if (parameter is { } value)
        {
            command.Parameters[0].Value = value;
        }
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return read(reader);
        }
    }

    private static bool UseSystemSqlite()
    {
        if (OperatingSystem.IsLinux())
        {
            // Debian and others name the library "libsqlite3.so" only in the development package; the library itself is
            // "libsqlite3.so.0". (The NativeAOT binary is linked to it and never asks.)
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_sqlite3).Assembly, (name, assembly, searchPath) =>
                name == "sqlite3" && (NativeLibrary.TryLoad("libsqlite3.so", assembly, searchPath, out var handle) ||
                                      NativeLibrary.TryLoad("libsqlite3.so.0", assembly, searchPath, out handle))
                    ? handle
                    : IntPtr.Zero);
        }
        SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_sqlite3());
        return true;
    }
}
