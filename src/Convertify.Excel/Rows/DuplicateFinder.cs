using Convertify.Text;

namespace Convertify.Excel;

/// <summary>Finds, for each row, the id of the first earlier row with the same normalised URL or the same content hash.</summary>
internal static class DuplicateFinder
{
    private static readonly string EmptyTextHash = ContentHash.Compute(string.Empty);

    /// <summary>The <c>duplicate_of</c> value of each row, in order (empty when the row is the first of its kind).</summary>
    public static string[] Find(IReadOnlyList<ArticleRow> rows)
    {
        var result = new string[rows.Count];
        var byUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var urlKey = row.Url.Length == 0 ? null : UrlKey.Of(row.Url);
            // An empty body says nothing about identity: all empty articles share its hash.
            var hashKey = row.ContentHash.Length == 0 || row.ContentHash == EmptyTextHash ? null : row.ContentHash;
            string? original = null;
            if (urlKey is not null && byUrl.TryGetValue(urlKey, out var byUrlId))
            {
                original = byUrlId;
            }
            else if (hashKey is not null && byHash.TryGetValue(hashKey, out var byHashId))
            {
                original = byHashId;
            }
            result[i] = original ?? string.Empty;
            var canonical = original ?? row.Id;
            if (urlKey is not null) byUrl.TryAdd(urlKey, canonical);
            if (hashKey is not null) byHash.TryAdd(hashKey, canonical);
        }
        return result;
    }
}
