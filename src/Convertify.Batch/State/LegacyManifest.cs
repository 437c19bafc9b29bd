using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.State;

/// <summary>
/// Moves the manifest of an output folder written by an earlier version into the state database, once: the JSON-lines
/// manifest (<c>.convertify-manifest.jsonl</c>), or before it the one-object manifest (<c>.convertify-manifest.json</c>),
/// with the journal a killed run left (<c>.convertify-manifest.journal</c>) replayed over it. The files are removed after.
/// A damaged or torn line is skipped: that input is converted again.
/// </summary>
internal static class LegacyManifest
{
    public const string LinesFileName = ".convertify-manifest.jsonl";
    public const string ObjectFileName = ".convertify-manifest.json";
    public const string JournalFileName = ".convertify-manifest.journal";

    /// <summary>Migrates what there is; returns how many entries the manifest got.</summary>
    public static int Migrate(SqliteConnection connection, string outputDirectory)
    {
        string[] files = [.. new[] { LinesFileName, ObjectFileName, JournalFileName }.Select(f => Path.Combine(outputDirectory, f))];
        if (!files.Any(File.Exists))
        {
            return 0;
        }
        var entries = new Dictionary<string, ManifestEntry?>(StringComparer.Ordinal);
        if (File.Exists(files[0]))
        {
            ReadLines(files[0], entries);
        }
        else if (File.Exists(files[1]))
        {
            ReadObject(files[1], entries);
        }
        if (File.Exists(files[2]))
        {
            ReadLines(files[2], entries);
        }
        using (var transaction = connection.BeginTransaction())
        {
            using var set = ResultWriter.SetManifestCommand(connection);
            using var forget = ResultWriter.ForgetManifestCommand(connection);
            foreach (var (input, entry) in entries)
            {
                ResultWriter.WriteManifest(entry is null ? forget : set, transaction, input, entry);
            }
            transaction.Commit();
        }
        foreach (var file in files)
        {
            File.Delete(file);
        }
        return entries.Count(e => e.Value is not null);
    }

    private static void ReadLines(string path, Dictionary<string, ManifestEntry?> entries)
    {
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("input", out var input) && input.GetString() is { Length: > 0 } name)
                {
                    entries[name] = root.TryGetProperty("removed", out _) ? null : Entry(root);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
            {
            }
        }
    }

    private static void ReadObject(string path, Dictionary<string, ManifestEntry?> entries)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            foreach (var input in inputs.EnumerateObject())
            {
                try
                {
                    entries[input.Name] = Entry(input.Value);
                }
                catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
                {
                }
            }
        }
        catch (JsonException)
        {
        }
    }

    private static ManifestEntry Entry(JsonElement value)
    {
        var hex = value.GetProperty("sha256").GetString();
        // A digest that does not read matches nothing: that input is converted again.
        var sha = hex is { Length: 64 } && !hex.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF") ? Convert.FromHexString(hex) : [];
        return new ManifestEntry(sha, value.GetProperty("tool").GetString() ?? "", value.GetProperty("options").GetString() ?? "",
            [.. value.GetProperty("outputs").EnumerateArray().Select(o => o.GetString() ?? "")]);
    }
}
