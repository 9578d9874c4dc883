namespace RealmCi.CMake;

/// <summary>
/// How a test is named in reports: by its ctest name while that name is unique; when several
/// tests share it (Realm's <c>RuntimeVersionTest.GetLibraryVersionSuccess</c> is discovered in
/// both <c>realm_unit_tests</c> and <c>realm_c_unit_tests</c>), as <c>NAME [EXECUTABLE]</c> — or
/// <c>NAME [COMMAND]</c> when the executables are the same too. Never by ctest's index, which
/// changes with filters. A quarantine entry names one of them the same way; the plain name
/// covers them all.
/// </summary>
public static class TestIdentity
{
    /// <summary>The report name of each defined test, in order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<ListedTest> defined)
    {
        var shared = defined.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. defined.Select(t => shared.TryGetValue(t.Name, out var group) ? $"{t.Name} [{Qualifier(t, group)}]" : t.Name)];
    }

    private static string Qualifier(ListedTest t, List<ListedTest> group) =>
        t.Executable is { } exe && group.Count(o => o.Executable == exe) == 1 ? exe : string.Join(' ', t.Command);
}
