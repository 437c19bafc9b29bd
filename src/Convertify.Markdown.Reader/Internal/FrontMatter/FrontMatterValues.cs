namespace Convertify.Markdown.Reader.Internal.FrontMatter;

/// <summary>
/// The top-level keys of a front matter mapping with their scalar or list-of-scalar values. Nested mappings and
/// lists of mappings (a theme's <c>params:</c>, <c>cover:</c>) are not kept: no key the reader maps needs them.
/// </summary>
internal sealed class FrontMatterValues
{
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scalars = new(StringComparer.Ordinal);

    /// <summary>Every key, in no particular order.</summary>
    public IEnumerable<string> Keys => _scalars.Keys.Concat(_lists.Keys);

    /// <summary>Whether the front matter has <paramref name="key"/> at all.</summary>
    public bool Has(string key) => _scalars.ContainsKey(key) || _lists.ContainsKey(key);

    /// <summary>Sets a scalar value (the last of repeated keys wins).</summary>
    public void SetScalar(string key, string value)
    {
        _lists.Remove(key);
        _scalars[key] = value;
    }

    /// <summary>Sets a list value (the last of repeated keys wins).</summary>
    public void SetList(string key, List<string> values)
    {
        _scalars.Remove(key);
        _lists[key] = values;
    }

    /// <summary>The scalar under <paramref name="key"/>, else null (also for a list).</summary>
    public string? Scalar(string key) => _scalars.GetValueOrDefault(key);

    /// <summary>A string under <paramref name="key"/> that is not blank, else null.</summary>
    public string? Text(string key) => Scalar(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The values under <paramref name="key"/>: a list's items, or a scalar as a one-item list; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string key) =>
        _lists.TryGetValue(key, out var list) ? list : _scalars.TryGetValue(key, out var scalar) ? [scalar] : [];
}
