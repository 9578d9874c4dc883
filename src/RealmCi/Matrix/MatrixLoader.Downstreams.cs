using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RealmCi.Downstream;
using YamlDotNet.RepresentationModel;

namespace RealmCi.Matrix;

public static partial class MatrixLoader
{
    internal static readonly string[] DownstreamKeys = ["description", "repository", "ref", "patches", "compose", "cmake", "inherit-cmake", "targets", "test"];
    internal static readonly string[] ComposeKeys = ["overlay", "install", "generated"];
    internal static readonly string[] GeneratedKeys = ["realm", "downstream"];
    internal static readonly string[] OverlayKeys = ["from", "to"];
    internal static readonly string[] PatchKeys = ["realm", "file"];
    internal static readonly string[] DownstreamTestKeys = ["labels", "exclude-labels", "regex", "exclude-regex", "timeout", "realms-own-tests"];
    internal static readonly string[] RealmsOwnTestKeys = ["labels", "regex", "targets"];

    [GeneratedRegex("^[a-z][a-z0-9_-]*$")]
    private static partial Regex DownstreamName();

    /// <summary><c>downstreams:</c> name → project (see <see cref="DownstreamProject"/>); every bad entry is reported where it stands.</summary>
    private static ImmutableDictionary<string, DownstreamProject> ReadDownstreams(YamlReader r, YamlNode node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, DownstreamProject>();
        foreach (var (name, keyNode, value) in r.Mapping(node, "downstreams"))
        {
            var what = $"downstream '{name}'";
            if (!DownstreamName().IsMatch(name)) r.Error(keyNode, $"{what}: a name is lower case letters, digits, '_' and '-', starting with a letter (it names --downstream-source=NAME=PATH and a folder)");
            var f = r.Mapping(value, what, DownstreamKeys).ToDictionary(e => e.Key, e => e.Value);
            string? Text(string key) => f.TryGetValue(key, out var n) ? r.Scalar(n, $"{what}: {key}") : null;
            var reference = Text("ref");
            if (reference is null && !f.ContainsKey("ref")) r.Error(value, $"{what} needs 'ref' (the pinned tag or commit, e.g. legion-25.06.0)");
            var compose = f.TryGetValue("compose", out var c) ? ReadComposition(r, c, what) : null;
            if (!f.ContainsKey("compose")) r.Error(value, $"{what} needs 'compose' (overlay: [{{ from: [src/realm/], to: runtime/realm/ }}] or install: {{ variable: CMAKE_PREFIX_PATH }})");
            var project = new DownstreamProject(name, Text("repository"), reference ?? "", compose ?? new Composition([], null), r.At(keyNode))
            {
                Description = Text("description"),
                Patches = f.TryGetValue("patches", out var p) ? ReadPatches(r, p, what) : [],
                Cmake = f.TryGetValue("cmake", out var cm) ? r.StringMap(cm, $"{what}: cmake", CMakeValue) : ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
                InheritCmake = f.TryGetValue("inherit-cmake", out var ic) ? r.StringList(ic, $"{what}: inherit-cmake") : [],
                Targets = f.TryGetValue("targets", out var t) ? r.StringList(t, $"{what}: targets") : [],
                Tests = f.TryGetValue("test", out var tn) ? ReadDownstreamTests(r, tn, what) : DownstreamTests.Everything,
            };
            if (reference is not null && compose is not null) result[name] = project;
        }
        return result.ToImmutable();
    }

    private static Composition? ReadComposition(YamlReader r, YamlNode node, string what)
    {
        var f = r.Mapping(node, $"{what}: compose", ComposeKeys).ToDictionary(e => e.Key, e => e.Value);
        if (f.ContainsKey("overlay") == f.ContainsKey("install"))
        {
            r.Error(node, $"{what}: compose takes exactly one of 'overlay' or 'install'");
            return null;
        }
        if (f.ContainsKey("generated") && f.ContainsKey("install"))
        {
            r.Error(f["generated"], $"{what}: compose.generated goes with an overlay (an install brings the Realm under test's own generated headers)");
            return null;
        }
        if (f.TryGetValue("install", out var install))
        {
            var i = r.Mapping(install, $"{what}: compose.install", ["variable"]).ToDictionary(e => e.Key, e => e.Value);
            var variable = i.TryGetValue("variable", out var v) ? r.Scalar(v, $"{what}: compose.install.variable") : "CMAKE_PREFIX_PATH";
            return variable is null ? null : new Composition([], variable);
        }
        if (f["overlay"] is not YamlSequenceNode list || list.Children.Count == 0)
        {
            r.Error(f["overlay"], $"{what}: compose.overlay must be a non-empty list of {{ from: [PATH, …], to: PATH }}");
            return null;
        }
        var entries = ImmutableArray.CreateBuilder<OverlayEntry>();
        foreach (var item in list.Children)
        {
            var e = r.Mapping(item, $"{what}: an overlay entry", OverlayKeys).ToDictionary(x => x.Key, x => x.Value);
            if (!e.ContainsKey("from") || !e.ContainsKey("to")) { r.Error(item, $"{what}: an overlay entry needs 'from' and 'to'"); continue; }
            var from = r.StringList(e["from"], $"{what}: overlay from");
            var to = r.Scalar(e["to"], $"{what}: overlay to");
            if (to is null || from.IsEmpty) continue;
            var bad = from.Append(to).FirstOrDefault(path => !RelativeInside(path));
            if (bad is not null) { r.Error(item, $"{what}: overlay path '{bad}' must be relative and stay inside its tree (no leading '/', no '..')"); continue; }
            if (from.Any(x => x.EndsWith('/') != to.EndsWith('/')))
            {
                r.Error(item, $"{what}: overlay maps a folder to a folder and a file to a file ('{to}' and '{from.First(x => x.EndsWith('/') != to.EndsWith('/'))}' differ)", "a folder ends with '/'");
                continue;
            }
            entries.Add(new OverlayEntry(from, to));
        }
        var generated = f.TryGetValue("generated", out var g) ? ReadGenerated(r, g, what) : [];
        return entries.Count == list.Children.Count && generated is not null ? new Composition(entries.ToImmutable(), null) { Generated = generated.Value } : null;
    }

    /// <summary><c>compose.generated</c>: [{ realm: [TEMPLATE, …], downstream: TEMPLATE }], the header templates an overlay keeps from the downstream.</summary>
    private static ImmutableArray<GeneratedHeader>? ReadGenerated(YamlReader r, YamlNode node, string what)
    {
        if (node is not YamlSequenceNode list) { r.Error(node, $"{what}: compose.generated must be a list of {{ realm: [PATH, …], downstream: PATH }}"); return null; }
        var result = ImmutableArray.CreateBuilder<GeneratedHeader>();
        foreach (var item in list.Children)
        {
            var e = r.Mapping(item, $"{what}: a generated header", GeneratedKeys).ToDictionary(x => x.Key, x => x.Value);
            if (!e.ContainsKey("realm") || !e.ContainsKey("downstream")) { r.Error(item, $"{what}: a generated header needs 'realm' (its template in the Realm under test) and 'downstream' (the downstream's)"); continue; }
            var realm = r.StringList(e["realm"], $"{what}: generated realm");
            var downstream = r.Scalar(e["downstream"], $"{what}: generated downstream");
            if (downstream is null || realm.IsEmpty) continue;
            var bad = realm.Append(downstream).FirstOrDefault(path => !RelativeInside(path));
            if (bad is not null) { r.Error(item, $"{what}: generated path '{bad}' must be relative and stay inside its tree (no leading '/', no '..')"); continue; }
            result.Add(new GeneratedHeader(realm, downstream));
        }
        return result.Count == list.Children.Count ? result.ToImmutable() : null;
    }

    private static ImmutableArray<PatchSource> ReadPatches(YamlReader r, YamlNode node, string what)
    {
        if (node is not YamlSequenceNode list) { r.Error(node, $"{what}: patches must be a list of {{ realm: GLOB }} or {{ file: GLOB }}"); return []; }
        var result = ImmutableArray.CreateBuilder<PatchSource>();
        foreach (var item in list.Children)
        {
            var e = r.Mapping(item, $"{what}: a patch", PatchKeys);
            if (e.Count != 1) { if (e.Count > 1 || item is YamlMappingNode) r.Error(item, $"{what}: a patch is one of {{ realm: GLOB }} (in the Realm under test) or {{ file: GLOB }} (beside the matrix file)"); continue; }
            var (key, _, value) = e[0];
            if (r.Scalar(value, $"{what}: patch {key}") is not { } glob) continue;
            if (!RelativeInside(glob)) { r.Error(value, $"{what}: patch '{glob}' must be relative and stay inside its tree (no leading '/', no '..')"); continue; }
            result.Add(new PatchSource(key == "realm" ? PatchOrigin.Realm : PatchOrigin.MatrixFolder, glob));
        }
        return result.ToImmutable();
    }

    private static DownstreamTests ReadDownstreamTests(YamlReader r, YamlNode node, string what)
    {
        var f = r.Mapping(node, $"{what}: test", DownstreamTestKeys).ToDictionary(e => e.Key, e => e.Value);
        return new DownstreamTests(
            f.TryGetValue("labels", out var l) ? r.StringList(l, $"{what}: test.labels") : [],
            f.TryGetValue("exclude-labels", out var el) ? r.StringList(el, $"{what}: test.exclude-labels") : [],
            Pattern(r, f, $"{what}: test.regex"), Pattern(r, f, $"{what}: test.exclude-regex"),
            f.TryGetValue("timeout", out var t) ? r.Int(t, $"{what}: test.timeout", 1) : null)
        {
            RealmsOwn = f.TryGetValue("realms-own-tests", out var own) ? ReadRealmsOwnTests(r, own, $"{what}: test.realms-own-tests") : null,
        };
    }

    /// <summary>The downstream's copies of Realm's own tests: exactly one of labels or regex, and what to build for them.</summary>
    private static RealmsOwnTests? ReadRealmsOwnTests(YamlReader r, YamlNode node, string what)
    {
        var f = r.Mapping(node, what, RealmsOwnTestKeys).ToDictionary(e => e.Key, e => e.Value);
        if (f.ContainsKey("labels") == f.ContainsKey("regex"))
        {
            r.Error(node, $"{what} takes exactly one of 'labels' or 'regex' (the tests that are Realm's own, run and counted apart)");
            return null;
        }
        var labels = f.TryGetValue("labels", out var l) ? r.StringList(l, $"{what}.labels") : [];
        var regex = Pattern(r, f, $"{what}.regex");
        return labels.IsEmpty && regex is null ? null
            : new RealmsOwnTests(labels, regex, f.TryGetValue("targets", out var t) ? r.StringList(t, $"{what}.targets") : []);
    }

    /// <summary>A ctest name filter (the key after the last '.' or ' ' of <paramref name="what"/>), checked to be a regular expression.</summary>
    private static string? Pattern(YamlReader r, Dictionary<string, YamlNode> f, string what)
    {
        var key = what[(what.LastIndexOfAny(['.', ' ']) + 1)..];
        if (!f.TryGetValue(key, out var n) || r.Scalar(n, what) is not { } text) return null;
        try { _ = new Regex(text, RegexOptions.None, TimeSpan.FromSeconds(1)); return text; }
        catch (ArgumentException e) { r.Error(n, $"{what} is not a regular expression: {YamlReader.OneLine(e.Message)}"); return null; }
    }

    private static bool RelativeInside(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.StartsWith('\\') && !path.Split('/', '\\').Contains("..");
}
