using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Flakiness;

/// <summary>
/// The <c>Flaky</c> target: the tests that failed in the remembered runs of each configuration
/// on this cache (<see cref="HistoryStore"/>), flakiest first (<see cref="FlakyTest.Rank"/>), as a
/// table or JSON; <c>--select</c>/<c>--skip</c> globs choose configurations by Id.
/// </summary>
public static class FlakyListing
{
    public static void Run(HistoryStore store, IReadOnlyList<string> select, IReadOnlyList<string> skip, Reporting.ListingFormat format, IAnsiConsole console, Stream stdout)
    {
        var histories = store.All()
            .Where(h => (select.Count == 0 || select.Any(g => Glob.Matches(g, h.Configuration))) && !skip.Any(g => Glob.Matches(g, h.Configuration)))
            .ToList();
        var tests = FlakyTest.Rank(histories);
        if (format == Reporting.ListingFormat.Json)
        {
            JsonSerializer.Serialize(stdout, tests.ToList(), FlakyJsonContext.Files.ListFlakyTest);
            stdout.Write("\n"u8);
            stdout.Flush();
            return;
        }
        if (histories.Count == 0)
        {
            console.WriteLine($"No flakiness history in {store.Folder}: Test runs that may write it (--history) keep one per configuration.");
            return;
        }
        if (tests.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("Configuration").NoWrap()).AddColumn("Test")
                .AddColumn(new TableColumn("Failed").RightAligned()).AddColumn(new TableColumn("Flaky").RightAligned())
                .AddColumn("Last failed").AddColumn(new TableColumn("History (oldest first)").NoWrap());
            foreach (var t in tests)
                table.AddRow(Markup.Escape(t.Configuration), Markup.Escape(t.Test), $"{t.Failed} of {t.Runs}", $"{t.Flaky}",
                    t.LastFailed?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "", Markup.Escape(t.History) + (t.Intermittent ? "" : " (every run)"));
            console.Write(table);
        }
        var runs = histories.Sum(h => h.Runs.Length);
        console.WriteLine($"{tests.Count(t => t.Intermittent)} flaky and {tests.Count(t => !t.Intermittent)} failing every run, in {runs} remembered run(s) of "
            + $"{histories.Count} configuration(s) (last {ConfigurationHistory.Limit} each; P passed, F failed, X failed then passed a rerun, - did not run) — {store.Folder}");
    }
}

[JsonSerializable(typeof(List<FlakyTest>))]
internal sealed partial class FlakyJsonContext : JsonSerializerContext
{
    public static FlakyJsonContext Files { get; } = new(JsonFiles.Options());
}
