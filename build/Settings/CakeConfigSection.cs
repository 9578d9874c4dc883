using Cake.Core.Configuration;

namespace RealmCi.Build;

/// <summary>
/// The <c>[RealmCi]</c> values as a plain dictionary: every key the section names (so a
/// misspelt one is reported) with Cake's value for it, then <c>CAKE_REALMCI_*</c> variables,
/// which take precedence as Cake documents.
/// </summary>
internal static class CakeConfigSection
{
    private const string Prefix = "CAKE_REALMCI_";

    public static IReadOnlyDictionary<string, string> Read(string root, ICakeConfiguration configuration, IReadOnlyDictionary<string, string> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in KeysIn(Path.Combine(root, "cake.config")))
            if (configuration.GetValue($"RealmCi_{key}") is { } value) values[key] = value;
        foreach (var (name, value) in environment)
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                var key = SettingsResolver.ConfigKeys.FirstOrDefault(k => string.Equals(k, name[Prefix.Length..], StringComparison.OrdinalIgnoreCase))
                    ?? name[Prefix.Length..];
                values[key] = value;
            }
        return values;
    }

    /// <summary>The keys of the file's [RealmCi] section (Cake has already checked the file's syntax).</summary>
    private static IEnumerable<string> KeysIn(string file)
    {
        if (!File.Exists(file)) yield break;
        var inSection = false;
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) { inSection = string.Equals(line, "[RealmCi]", StringComparison.OrdinalIgnoreCase); continue; }
            var eq = line.IndexOf('=');
            if (inSection && eq > 0 && !line.StartsWith(';')) yield return line[..eq].Trim();
        }
    }
}
