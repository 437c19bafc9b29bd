using System.CommandLine;
using System.CommandLine.Parsing;

namespace Convertify.Cli;

/// <summary>
/// Finds words that look like options (<c>-x</c>, <c>--xyz</c>) but name none of the command's, before any <c>--</c>.
/// System.CommandLine takes such a word as an argument when the command has one (a file named <c>--bogus</c>);
/// a file with such a name is still reachable after <c>--</c>.
/// </summary>
internal static class UnknownOptions
{
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        var tokens = parse.Tokens;
        var end = tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        if (end < 0)
        {
            end = tokens.Count;
        }
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                optionValues.UnionWith(command.Children.OfType<OptionResult>().SelectMany(o => o.Tokens));
            }
        }
        return tokens.Take(end)
            .Where(t => t.Type == TokenType.Argument && t.Value.Length > 1 && t.Value[0] == '-' && !optionValues.Contains(t))
            .Select(t => t.Value)
            .ToList();
    }

    /// <summary>The option of <paramref name="command"/> (or a recursive one of its parents) that <paramref name="word"/> is probably a typo of.</summary>
    public static string? Suggest(Command command, string word) =>
        Closest(word, OptionNames(command));

    /// <summary>The sub-command of <paramref name="command"/> that <paramref name="word"/> is probably a typo of.</summary>
    public static string? SuggestCommand(Command command, string word) =>
        Closest(word, command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)));

    private static IEnumerable<string> OptionNames(Command command)
    {
        var options = command.Options.AsEnumerable();
        foreach (var parent in Parents(command))
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }
        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
    }

    private static IEnumerable<Command> Parents(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    // Close means: at most 2 edits away (and fewer edits than the word has letters), or the start of a name.
    private static string? Closest(string word, IEnumerable<string> names)
    {
        var letters = word.TrimStart('-').Length;
        return names
            .Select(name => (Name: name, Distance: Levenshtein(word, name)))
            .Where(c => c.Distance <= 2 && c.Distance < letters || letters >= 2 && c.Name.StartsWith(word, StringComparison.Ordinal))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
