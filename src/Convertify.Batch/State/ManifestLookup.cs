using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>Looks up what earlier runs wrote for an input, on a connection of its own (WAL: it reads while the writer writes). One thread at a time.</summary>
internal sealed class ManifestLookup : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;
    private readonly bool _empty;

    public ManifestLookup(string databasePath)
    {
        _connection = StateDatabase.Open(databasePath);
        _select = StateDatabase.Prepare(_connection, "SELECT EXISTS (SELECT 1 FROM manifest)");
        // A first run has nothing to look up: it asks once, not once per input.
        _empty = Convert.ToInt64(_select.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
        _select.CommandText = "SELECT sha256, tool, options, outputs FROM manifest WHERE path = $path";
        _select.Parameters.Add(new SqliteParameter("$path", null));
    }

    /// <summary>The input's entry; null when there is none (or it cannot be read: the input is then converted again).</summary>
    public ManifestEntry? Previous(string path)
    {
        if (_empty)
        {
            return null;
        }
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
