using System.Collections.Immutable;

namespace RealmCi.Matrix;

/// <summary>
/// The matrix file's <c>abi</c> section: which installed shared library the ABI check
/// (<c>--abi-baseline=REF</c>) dumps (<see cref="Library"/>, relative to the install prefix, e.g.
/// <c>lib/librealm.so</c>), the name its reports use (<see cref="Name"/>), and the packages the
/// image needs for it (abi-dumper, abi-compliance-checker). Null: the project has no ABI check.
/// </summary>
public sealed record AbiLibrary(string Library, string Name, ImmutableArray<string> Packages, SourceSpan Where);

public static partial class MatrixLoader
{
    internal static readonly string[] AbiKeys = ["library", "name", "packages"];

    /// <summary><c>abi: { library: lib/librealm.so, name: realm, packages: [abi-dumper, abi-compliance-checker] }</c>.</summary>
    private static AbiLibrary? ReadAbi(YamlReader r, YamlDotNet.RepresentationModel.YamlNode node)
    {
        var f = r.Mapping(node, "abi", AbiKeys).ToDictionary(e => e.Key, e => e.Value);
        string? Text(string key, string example)
        {
            if (f.TryGetValue(key, out var n)) return r.Scalar(n, $"abi: {key}");
            r.Error(node, $"abi needs '{key}'", example);
            return null;
        }
        var library = Text("library", "library: lib/librealm.so (the installed shared library, relative to the install prefix)");
        var name = Text("name", "name: realm (the library's name in the reports)");
        if (library is not null && (Path.IsPathRooted(library) || library.Split('/').Contains("..")))
        {
            r.Error(f["library"], $"abi: library '{library}' must be a path inside the install prefix (relative, no '..')");
            library = null;
        }
        var packages = f.TryGetValue("packages", out var p) ? r.StringList(p, "abi: packages") : [];
        return library is null || name is null ? null : new AbiLibrary(library, name, packages, r.At(node));
    }
}
