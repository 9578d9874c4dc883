using RealmCi.Errors;
using RealmCi.Matrix;

namespace RealmCi.Build.Host;

/// <summary>
/// Parses Cake-style arguments: <c>--name=value</c>, <c>--name value</c>, <c>--flag</c>, and
/// the short forms <c>-t</c> (target) and <c>-v</c> (verbosity). Names are case-insensitive;
/// a name may repeat. Unknown names are rejected with the closest known one.
/// </summary>
public static class CommandLine
{
    public static ILookup<string, string> Parse(IReadOnlyList<string> args, IReadOnlyCollection<BuildOption> known)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            string? value = null;
            if (arg.StartsWith("--", StringComparison.Ordinal)) name = arg[2..];
            else if (arg is "-t" or "-v") name = arg == "-t" ? "target" : "verbosity";
            else if (arg.StartsWith('-') && arg.Length > 1) name = arg[1..];
            else throw new RealmCiException($"unexpected argument '{arg}': options look like --name=value (see --help)");

            var eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            name = name.ToLowerInvariant();
            var option = known.FirstOrDefault(o => o.Name == name)
                ?? throw new RealmCiException($"unknown option '--{name}' ({Suggest.Hint(name, known.Select(o => o.Name))}; see --help)");
            if (value is null)
            {
                if (option.IsFlag) value = "true";
                else if (i + 1 < args.Count && !args[i + 1].StartsWith('-')) value = args[++i];
                else throw new RealmCiException($"option '--{name}' needs a value: --{name}={option.ValueHint}");
            }
            if (!option.Repeatable && pairs.Any(p => p.Key == name))
                throw new RealmCiException($"option '--{name}' is given twice; it takes one value");
            pairs.Add(new(name, value));
        }
        return pairs.ToLookup(p => p.Key, p => p.Value);
    }
}
