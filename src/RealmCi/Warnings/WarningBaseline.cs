using RealmCi.Layout;
namespace RealmCi.Warnings;

/// <summary>
/// What a build's warnings are compared with: a file of <see cref="CompilerWarning"/> lines,
/// either committed (<c>--warnings-baseline=FILE</c>) or kept by realm-ci as the previous full
/// build of the same configuration (<c>CACHE/warnings/ID.txt</c>). A warning is new when its
/// (file, line, flag) is not in the baseline. Without a baseline nothing is new: the first run
/// of a configuration records one.
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

    public static IReadOnlyList<CompilerWarning> New(IReadOnlyList<CompilerWarning> current, IReadOnlyList<CompilerWarning>? baseline)
    {
        if (baseline is null) return [];
        var known = baseline.Select(w => w.Identity).ToHashSet();
        return [.. current.Where(w => !known.Contains(w.Identity))];
    }
}
