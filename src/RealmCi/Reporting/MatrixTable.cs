using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Reporting;

/// <summary>
/// The <c>Matrix</c> listing: Ids and axis values, with a count. When the host's offer is known
/// (<paramref name="here"/>), one more column says whether each row can run here (available,
/// GPU tests skipped, or unavailable with what is missing), and the rows <c>--only-available</c>
/// left out follow, grouped by what they lack.
/// </summary>
public static class MatrixTable
{
    public static void Write(IAnsiConsole console, ExpandedMatrix matrix, Selection selection, bool here = false)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Id").NoWrap());
        foreach (var axis in matrix.Axes) table.AddColumn(new TableColumn(Markup.Escape(axis.Name)).NoWrap());
        if (here) table.AddColumn(new TableColumn("here"));
        foreach (var c in selection.Configurations)
        {
            IEnumerable<string> cells = [Markup.Escape(c.Id), .. c.Axes.Select(a => Markup.Escape(a.Value))];
            table.AddRow(here ? [.. cells, Cell(selection.Availability[c.Id])] : [.. cells]);
        }
        console.Write(table);
        var unavailableHere = here ? $", {selection.Availability.Values.Count(a => !a.IsAvailable)} unavailable here" : "";
        console.MarkupLine(
            $"{selection.Configurations.Count} of {selection.ValidCount} valid configurations{unavailableHere} " +
            $"({matrix.Definition.ProductSize} combinations before rules) — {Markup.Escape(selection.Source)}");
        if (here) WriteLeftOut(console, selection);
    }

    /// <summary>One line per missing thing (how to provide it, once), with the rows it keeps out.</summary>
    private static void WriteLeftOut(IAnsiConsole console, Selection selection)
    {
        var groups = selection.Unavailable
            .SelectMany(l => l.Availability.Unmet.Select(u => (Unmet: u, l.Configuration.Id)))
            .GroupBy(x => x.Unmet)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.What, StringComparer.Ordinal)
            .ToList();
        foreach (var group in groups)
        {
            var ids = group.Select(x => x.Id).ToList();
            console.MarkupLine($"left out {ids.Count}: {Markup.Escape(group.Key.What)} — {Markup.Escape(group.Key.HowToProvide)}: " +
                Markup.Escape(string.Join(", ", ids.Take(4)) + (ids.Count > 4 ? $" and {ids.Count - 4} more" : "")));
        }
        if (groups.Sum(g => g.Count()) > selection.Unavailable.Length)
            console.MarkupLine($"({selection.Unavailable.Length} configurations left out in all: some lack more than one thing)");
    }

    private static string Cell(Availability a) => a switch
    {
        { IsAvailable: false } => "[red]unavailable[/]: " + Markup.Escape(string.Join("; ", a.Unmet.Select(u => u.What))),
        { GpuTestsSkipped: { } why } => "[yellow]yes, GPU tests skipped[/]: " + Markup.Escape(why),
        _ => "[green]yes[/]",
    };
}
