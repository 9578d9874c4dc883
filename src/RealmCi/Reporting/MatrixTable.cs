using RealmCi.Matrix;
using Spectre.Console;

namespace RealmCi.Reporting;

/// <summary>The selection as a table of Ids and axis values, with a count.</summary>
public static class MatrixTable
{
    public static void Write(IAnsiConsole console, ExpandedMatrix matrix, Selection selection)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Id").NoWrap());
        foreach (var axis in matrix.Axes) table.AddColumn(new TableColumn(Markup.Escape(axis.Name)).NoWrap());
        foreach (var c in selection.Configurations)
            table.AddRow([Markup.Escape(c.Id), .. c.Axes.Select(a => Markup.Escape(a.Value))]);
        console.Write(table);
        console.MarkupLine(
            $"{selection.Configurations.Count} of {selection.ValidCount} valid configurations " +
            $"({matrix.Definition.ProductSize} combinations before rules) — {Markup.Escape(selection.Source)}");
    }
}
