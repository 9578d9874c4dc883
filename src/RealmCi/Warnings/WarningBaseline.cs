using RealmCi.Layout;
namespace RealmCi.Warnings;

/// <summary>
/// What a build's warnings are compared with: a file of <see cref="CompilerWarning"/> lines,
/// either committed (<c>--warnings-baseline=FILE</c>) or kept by realm-ci as the previous full
/// build of the same configuration (<c>CACHE/warnings/ID.txt</c>). A warning is new when its
/// (file, line, flag) is not in the baseline. Without a baseline nothing is new: the first run
/// of a configuration records one. The header names what the build built ("; targets: all"): a
/// baseline that built other targets is not compared with (a file only one of them compiled would
/// look new, or its warnings gone).
/// </summary>
public static class WarningBaseline
{
    public static string PreviousRun(string cache, string configurationId, string? scope = null) =>
        Path.Combine(new CacheLayout(cache).Warnings, scope ?? "", configurationId + ".txt");

    /// <summary>The baseline's warnings, or null when the file does not exist.</summary>
    public static IReadOnlyList<CompilerWarning>? Read(string path) =>
        File.Exists(path) ? [.. File.ReadAllLines(path).Select(CompilerWarning.FromBaselineLine).OfType<CompilerWarning>()] : null;

    public static void Write(string path, IEnumerable<CompilerWarning> warnings, string header)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + $".tmp-{Environment.ProcessId}";
        File.WriteAllLines(temp, [$"# {header}", .. warnings.Select(w => w.ToString())]);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>What the build a baseline file came from built: "all" or the targets, from its header's "; targets: …" (null: a file written without it, e.g. by hand).</summary>
    public static string? TargetsOf(string path)
    {
        if (!File.Exists(path)) return null;
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        var at = header is null || !header.StartsWith('#') ? -1 : header.LastIndexOf("; targets: ", StringComparison.Ordinal);
        return at < 0 ? null : header![(at + "; targets: ".Length)..].Trim();
    }

    /// <summary>The header's form of a build's targets: "all" (none named) or the names, space-separated.</summary>
    public static string Built(IReadOnlyCollection<string> targets) => targets.Count == 0 ? "all" : string.Join(' ', targets.Order(StringComparer.Ordinal));

    public static IReadOnlyList<CompilerWarning> New(IReadOnlyList<CompilerWarning> current, IReadOnlyList<CompilerWarning>? baseline)
    {
        if (baseline is null) return [];
        var known = baseline.Select(w => w.Identity).ToHashSet();
        return [.. current.Where(w => !known.Contains(w.Identity))];
    }
}
