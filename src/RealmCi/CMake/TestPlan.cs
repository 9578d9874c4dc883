using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RealmCi.CMake;

/// <summary>A test as <c>ctest --show-only=json-v1</c> describes it.</summary>
public sealed record ListedTest(string Name, IReadOnlyList<string> Command, IReadOnlyList<string> Labels, IReadOnlyList<(string Name, JsonElement Value)> Properties)
{
    /// <summary>The ctest DISABLED property is set (GoogleTest's DISABLED_ cases, when discovered, carry it).</summary>
    public bool Disabled => Properties.Any(p => p.Name == "DISABLED" && p.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => p.Value.GetString() is { } v && (v.Equals("ON", StringComparison.OrdinalIgnoreCase) || v.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || v == "1"),
        _ => false,
    });

    /// <summary>The file name of the program the test runs (GoogleTest names its XML after it).</summary>
    public string? Executable => Command.Count == 0 ? null : Path.GetFileName(Command[0]);

    /// <summary>Runs one GoogleTest case (as <c>gtest_discover_tests</c> registers them), not a bundle.</summary>
    public bool SelectsOneCase => Command.Any(a => a.StartsWith("--gtest_filter", StringComparison.Ordinal));
}

/// <summary>
/// Multi-process and GPU handling of a test suite. Realm attaches its MPI launcher in a way
/// ctest ignores, so the pipeline wraps test commands itself: it lists the tests
/// (<c>ctest --show-only=json-v1</c>) and writes a CTestTestfile.cmake that runs the same
/// commands, with the same properties, behind the launcher (<c>mpirun -n 2 …</c>). Running
/// ctest on that file keeps JUnit output, timeouts, labels and parallelism.
/// </summary>
public static class TestPlan
{
    public static IReadOnlyList<ListedTest> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var tests = new List<ListedTest>();
        if (!doc.RootElement.TryGetProperty("tests", out var list)) return tests;
        foreach (var t in list.EnumerateArray())
        {
            var command = t.TryGetProperty("command", out var c) ? c.EnumerateArray().Select(a => a.GetString() ?? "").ToList() : [];
            var properties = new List<(string, JsonElement)>();
            var labels = new List<string>();
            if (t.TryGetProperty("properties", out var props))
                foreach (var p in props.EnumerateArray())
                {
                    var name = p.GetProperty("name").GetString() ?? "";
                    var value = p.GetProperty("value").Clone();
                    properties.Add((name, value));
                    if (name == "LABELS" && value.ValueKind == JsonValueKind.Array)
                        labels.AddRange(value.EnumerateArray().Select(v => v.GetString() ?? ""));
                }
            tests.Add(new ListedTest(t.GetProperty("name").GetString() ?? "", command, labels, properties));
        }
        return tests;
    }

    /// <summary>
    /// A CTestTestfile.cmake running every listed test; tests carrying one of
    /// <paramref name="launchLabels"/> (all tests when empty) run behind <paramref name="launcher"/>.
    /// </summary>
    public static string Wrap(IEnumerable<ListedTest> tests, IReadOnlyList<string> launcher, IReadOnlyCollection<string> launchLabels, Emulation? emulation = null)
    {
        var text = new StringBuilder("# Written by realm-ci: the project's tests behind a launcher.\n");
        foreach (var t in tests)
        {
            if (t.Command.Count == 0) continue; // a test ctest cannot run (e.g. NOT_AVAILABLE)
            var wrap = launcher.Count > 0 && (launchLabels.Count == 0 || t.Labels.Any(launchLabels.Contains));
            var own = emulation?.Apply(t.Command) ?? t.Command;
            var command = wrap ? launcher.Concat(own) : own;
            text.Append("add_test(").Append(Bracket(t.Name));
            foreach (var a in command) text.Append(' ').Append(Bracket(a));
            text.Append(")\n");
            var props = t.Properties.Where(p => p.Name != "_BACKTRACE_TRIPLES").ToList();
            if (props.Count == 0) continue;
            text.Append("set_tests_properties(").Append(Bracket(t.Name)).Append(" PROPERTIES");
            foreach (var (name, value) in props) text.Append(' ').Append(name).Append(' ').Append(Bracket(Value(value)));
            text.Append(")\n");
        }
        return text.ToString();
    }

    /// <summary>The launcher with <c>{ranks}</c> replaced.</summary>
    public static IReadOnlyList<string> Launcher(IEnumerable<string> launcher, int ranks) =>
        launcher.Select(a => a.Replace("{ranks}", ranks.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(Value)),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "ON",
        JsonValueKind.False => "OFF",
        _ => value.GetRawText(),
    };

    /// <summary>A CMake bracket argument: no escaping needed, whatever the text holds.</summary>
    internal static string Bracket(string text)
    {
        var equals = "=";
        while (text.Contains($"]{equals}]", StringComparison.Ordinal)) equals += "=";
        return $"[{equals}[{text}]{equals}]";
    }
}
