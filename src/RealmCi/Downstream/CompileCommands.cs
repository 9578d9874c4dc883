using System.Text.Json;

namespace RealmCi.Downstream;

/// <summary>
/// Which sources a build compiled, from CMake's <c>compile_commands.json</c>: the proof that the
/// downstream compiled the Realm under test (its translation units lie under the overlay's
/// paths) and which of the overlay's sources it never compiled as translation units.
/// </summary>
public sealed record CompileCommands(IReadOnlyList<string> Files)
{
    private static readonly string[] SourceExtensions = [".cc", ".cpp", ".cxx", ".c", ".cu"];

    public static CompileCommands? Read(string path)
    {
        if (!File.Exists(path)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new([.. document.RootElement.EnumerateArray().Select(e =>
        {
            var file = e.GetProperty("file").GetString()!;
            return Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(e.GetProperty("directory").GetString()!, file));
        })]);
    }

    /// <summary>The compiled files under <paramref name="root"/>/<paramref name="relative"/> (a folder ending in '/' or one file).</summary>
    public IReadOnlyList<string> Under(string root, string relative)
    {
        var prefix = $"{root.TrimEnd('/')}/{relative}";
        return [.. Files.Where(f => relative.EndsWith('/') ? f.StartsWith(prefix, StringComparison.Ordinal) : f == prefix).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Source files of the overlay folder (on the host) that no compile command names (relative to the folder's parent in the copy).</summary>
    public static IReadOnlyList<string> NotCompiled(string hostFolder, IReadOnlyList<string> compiledUnderFolder, string folderAsBuildSees) =>
        [.. Directory.Exists(hostFolder)
            ? Directory.EnumerateFiles(hostFolder, "*", SearchOption.AllDirectories)
                .Where(f => SourceExtensions.Contains(Path.GetExtension(f)))
                .Select(f => Path.GetRelativePath(hostFolder, f).Replace('\\', '/'))
                .Where(rel => !compiledUnderFolder.Contains($"{folderAsBuildSees.TrimEnd('/')}/{rel}"))
                .Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>()];
}
