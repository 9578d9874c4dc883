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
        foreach (var left in selection.Unavailable)
            console.MarkupLine($"left out: {Markup.Escape(left.Configuration.Id)}: {Markup.Escape(left.Availability.Describe())}");
    }

    private static string Cell(Availability a) => a switch
    {
        { IsAvailable: false } => "[red]unavailable[/]: " + Markup.Escape(string.Join("; ", a.Unmet.Select(u => u.What))),
        { GpuTestsSkipped: { } why } => "[yellow]yes, GPU tests skipped[/]: " + Markup.Escape(why),
        _ => "[green]yes[/]",
    };
}
