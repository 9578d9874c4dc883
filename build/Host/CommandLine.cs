using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Build.Host;

/// <summary>The command line as name → values, and every problem found reading it.</summary>
public sealed record ParsedArguments(ILookup<string, string> Values, IReadOnlyList<string> Problems);

/// <summary>
/// Parses Cake-style arguments: <c>--name=value</c>, <c>--name value</c>, <c>--flag</c>, and
/// the short forms <c>-t</c> (target), <c>-v</c> (verbosity) and <c>-h</c> (help). Names are case-insensitive;
/// a name may repeat. Unknown names are rejected with the closest known one.
/// </summary>
public static class CommandLine
{
    /// <summary>Parses, throwing every problem at once.</summary>
    public static ILookup<string, string> Parse(IReadOnlyList<string> args, IReadOnlyCollection<BuildOption> known)
    {
        var parsed = Read(args, known);
        if (parsed.Problems.Count > 0) throw new RealmCiException(string.Join(Environment.NewLine, parsed.Problems));
        return parsed.Values;
    }

    /// <summary>Parses what it can and collects the problems, so they are reported with every other one.</summary>
    public static ParsedArguments Read(IReadOnlyList<string> args, IReadOnlyCollection<BuildOption> known)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            string? value = null;
            if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
            else if (arg is "-t" or "-v" or "-h") name = arg switch { "-t" => "target", "-v" => "verbosity", _ => "help" };
            else if (arg.StartsWith('-') && arg.Length > 1) name = arg[1..];
            else { problems.Add($"unexpected argument '{arg}': options look like --name=value (see --help)"); continue; }

            var eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            name = name.ToLowerInvariant();
            var option = known.FirstOrDefault(o => o.Name == name);
            if (option is null)
            {
                problems.Add($"unknown option '--{name}' ({Suggest.Hint(name, known.Select(o => o.Name))}; see --help)");
                continue;
            }
            if (value is null)
            {
                if (option.IsFlag) value = "true";
                else if (i + 1 < args.Count && !args[i + 1].StartsWith('-')) value = args[++i];
                else { problems.Add($"option '--{name}' needs a value: --{name}={option.ValueHint}"); continue; }
            }
            if (!option.Repeatable && pairs.Any(p => p.Key == name))
            {
                problems.Add($"option '--{name}' is given twice; it takes one value");
                continue;
            }
            pairs.Add(new(name, value));
        }
        return new ParsedArguments(pairs.ToLookup(p => p.Key, p => p.Value), problems);
    }
}
