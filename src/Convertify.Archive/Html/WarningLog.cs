using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Collects warnings, one per code and message, in the order first seen; counts repeats.</summary>
internal sealed class WarningLog
{
    private readonly List<(string Code, string Message)> _order = [];
    private readonly Dictionary<(string, string), int> _counts = [];

    public void Add(string code, string message)
    {
        var key = (code, message);
        if (_counts.TryGetValue(key, out var n))
        {
            _counts[key] = n + 1;
            return;
        }
        _counts[key] = 1;
        _order.Add(key);
    }

    public ImmutableArray<ConversionWarning> ToImmutable()
    {
        var builder = ImmutableArray.CreateBuilder<ConversionWarning>(_order.Count);
        foreach (var key in _order)
        {
            var n = _counts[key];
            builder.Add(new ConversionWarning(key.Code, n > 1 ? $"{key.Message} (×{n})" : key.Message));
        }
        return builder.MoveToImmutable();
    }
}
