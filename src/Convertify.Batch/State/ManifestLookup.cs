using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>Looks up what earlier runs wrote for an input, on a connection of its own (WAL: it reads while the writer writes). One thread at a time.</summary>
internal sealed class ManifestLookup : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;

    public ManifestLookup(string databasePath)
    {
        _connection = StateDatabase.Open(databasePath);
        _select = StateDatabase.Prepare(_connection, "SELECT sha256, tool, options, outputs FROM manifest WHERE path = $path", "$path");
    }

    /// <summary>The input's entry; null when there is none (or it cannot be read: the input is then converted again).</summary>
    public ManifestEntry? Previous(string path)
    {
        _select.Parameters[0].Value = path;
        using var reader = _select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        try
        {
            return new ManifestEntry((byte[])reader.GetValue(0), reader.GetString(1), reader.GetString(2), StringList.Decode(reader.GetString(3))!);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidCastException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _select.Dispose();
        _connection.Dispose();
    }
}
