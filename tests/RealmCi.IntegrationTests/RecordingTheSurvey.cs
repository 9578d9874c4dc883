namespace RealmCi.IntegrationTests;

/// <summary>
/// matrix/survey-record.py, the survey's recorder, run with the host's python3 on a scratch copy
/// of a survey page: the surveys of two Realm releases keep a row each for the same Id, and a
/// newer run on the same release replaces the older.
/// </summary>
public class RecordingTheSurvey
{
    private const string July = "legion-25.06.0-1-g0e795c9ed (0e795c9edfd8)";
    private const string November = "v25.11.0-0-g8ce6b7210 (8ce6b7210494)";

    private static string Summary(string folder, string id, string status, int passed)
    {
        var path = Path.Combine(folder, $"summary-{status}-{passed}.json");
        File.WriteAllText(path, $$$"""{"results":[{"id":"{{{id}}}","status":"{{{status}}}","seconds":61,"tests":{"passed":{{{passed}}},"failed":0,"skipped":3}}]}""");
        return path;
    }

    private static async Task Record(string summary, string doc, string commit)
    {
        var script = Path.Combine(EngineFixture.Root, "matrix", "survey-record.py");
        var (code, output) = await HostCommand.RunAsync("python3", script, summary, doc, commit);
        Assert.True(code == 0, output);
    }

    private static string[] Rows(string doc) =>
        [.. File.ReadAllLines(doc).Where(l => l.StartsWith("| `", StringComparison.Ordinal))];

    [Fact]
    public async Task EachReleaseKeepsItsRowAndANewerRunOnTheSameReleaseReplacesTheOlder()
    {
        var folder = TemporaryFolders.ForThisRun("realm-ci-survey");
        var doc = Path.Combine(folder, "SURVEY.md");
        File.WriteAllText(doc, "# Survey\n\nText before.\n\n<!-- survey:begin -->\n<!-- survey:end -->\n\nText after.\n");

        await Record(Summary(folder, "gcc11-release-local-cpu", "passed", 439), doc, July);
        await Record(Summary(folder, "gcc11-release-local-cpu", "failed", 650), doc, November);
        var rows = Rows(doc);
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.Contains(July) && r.Contains("| passed | 439 |"));
        Assert.Contains(rows, r => r.Contains(November) && r.Contains("| failed | 650 |"));

        // Another commit of the November release (one past its tag): the same release, so it replaces that row only.
        await Record(Summary(folder, "gcc11-release-local-cpu", "passed", 660), doc, "v25.11.0-1-gf24a87f28 (f24a87f28ce3)");
        rows = Rows(doc);
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.Contains(July) && r.Contains("| passed | 439 |"));
        Assert.Contains(rows, r => r.Contains("v25.11.0-1-gf24a87f28") && r.Contains("| passed | 660 |"));
        Assert.DoesNotContain(rows, r => r.Contains("| failed | 650 |"));

        var text = File.ReadAllText(doc);
        Assert.StartsWith("# Survey\n\nText before.", text);
        Assert.EndsWith("Text after.\n", text);
    }
}
