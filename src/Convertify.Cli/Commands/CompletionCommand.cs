using System.CommandLine;

namespace Convertify.Cli.Commands;

/// <summary>
/// <c>convertify completion bash|zsh|fish</c>: prints a script that completes convertify's commands and options in that
/// shell. Each script asks convertify itself, through System.CommandLine's <c>[suggest:N]</c> directive, what may follow
/// the line typed so far; file names are completed by the shell when convertify suggests nothing.
/// </summary>
internal static class CompletionCommand
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            # convertify completion for bash; load it with: eval "$(convertify completion bash)"
            _convertify_complete()
            {
                local line="${COMP_LINE:0:COMP_POINT}" cur="${COMP_WORDS[COMP_CWORD]}" suggestion
                line="${line#"${COMP_WORDS[0]}"}"
                line="${line#"${line%%[![:space:]]*}"}"
                COMPREPLY=()
                while IFS= read -r suggestion; do
                    [[ "$suggestion" == "$cur"* ]] && COMPREPLY+=("$suggestion")
                done < <("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)
            }
            complete -o default -F _convertify_complete convertify

            """,
        ["zsh"] = """
            # convertify completion for zsh; load it with: eval "$(convertify completion zsh)"
            _convertify_complete()
            {
                local line="${BUFFER[1,CURSOR]}"
                line="${line#${words[1]}}"
                line="${line##[[:space:]]#}"
                local -a suggestions
                suggestions=("${(@f)$(${words[1]} "[suggest:${#line}]" "$line" 2>/dev/null)}")
                if [[ -n "${suggestions[1]}" ]]; then
                    compadd -- "${suggestions[@]}"
                else
                    _files
                fi
            }
            compdef _convertify_complete convertify

            """,
        ["fish"] = """
            # convertify completion for fish; load it with: convertify completion fish | source
            function __convertify_complete
                set -l line (string replace -r '^\\S+\\s*' '' -- (commandline -cp))
                convertify "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            complete -c convertify -a '(__convertify_complete)'

            """,
    };

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion", "Print a shell completion script (bash, zsh or fish).") { shell };
        command.SetAction(parse =>
        {
            Console.Out.Write(Scripts[parse.GetValue(shell)!]);
            return ExitCodes.Success;
        });
        return command;
    }
}
