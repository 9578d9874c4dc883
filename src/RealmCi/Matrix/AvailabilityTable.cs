using Spectre.Console;

namespace RealmCi.Matrix;

/// <summary>
/// The <c>Matrix</c> listing when the host's offer is known: Ids, axis values and a
/// <c>here</c> column (available, GPU tests skipped, or unavailable with what is missing),
/// then the configurations <c>--only-available</c> left out, each with its reason.
/// </summary>
public static class AvailabilityTable
{
    public static void Write(IAnsiConsole console, ExpandedMatrix matrix, Selection selection)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Id").NoWrap());
        foreach (var axis in matrix.Axes) table.AddColumn(new TableColumn(Markup.Escape(axis.Name)).NoWrap());
        table.AddColumn(new TableColumn("here"));
        foreach (var c in selection.Configurations)
            table.AddRow([Markup.Escape(c.Id), .. c.Axes.Select(a => Markup.Escape(a.Value)), Cell(selection.Availability[c.Id])]);
        console.Write(table);
        var unavailable = selection.Availability.Values.Count(a => !a.IsAvailable);
        console.MarkupLine(
            $"{selection.Configurations.Count} of {selection.ValidCount} valid configurations, {unavailable} unavailable here " +
            $"({matrix.Definition.ProductSize} combinations before rules) — {Markup.Escape(selection.Source)}");
        // One line per missing thing (how to provide it once), with the configurations it keeps out.
        foreach (var group in selection.Unavailable.SelectMany(l => l.Availability.Unmet.Select(u => (Unmet: u, l.Configuration.Id)))
                     .GroupBy(x => x.Unmet).OrderByDescending(g => g.Count()))
        {
            var ids = group.Select(x => x.Id).ToList();
            console.MarkupLine($"left out {ids.Count}: {Markup.Escape(group.Key.What)} — {Markup.Escape(group.Key.HowToProvide)}: " +
                Markup.Escape(string.Join(", ", ids.Take(4)) + (ids.Count > 4 ? $" and {ids.Count - 4} more" : "")));
        }
    }

    private static string Cell(Availability a) => a switch
    {
        { IsAvailable: false } => "[red]unavailable[/]: " + Markup.Escape(string.Join("; ", a.Unmet.Select(u => u.What))),
        { GpuTestsSkipped: { } why } => "[yellow]yes, GPU tests skipped[/]: " + Markup.Escape(why),
        _ => "[green]yes[/]",
    };
}
