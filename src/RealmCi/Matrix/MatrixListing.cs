using RealmCi.Reporting;
using Spectre.Console;

namespace RealmCi.Matrix;

public enum ListingFormat { Table, Json }

/// <summary>
/// The <c>Matrix</c> target: load, select, and list (or explain) configurations. With the
/// host's offer in <see cref="SelectionOptions.Offer"/>, the table shows availability here.
/// </summary>
public static class MatrixListing
{
    public static void Run(ExpandedMatrix matrix, SelectionOptions options, ListingFormat format, string? explainId, IAnsiConsole console, Stream stdout)
    {
        if (explainId is not null)
        {
            Explainer.CheckId(matrix, explainId);
            foreach (var line in Explainer.Explain(matrix, options, explainId)) console.WriteLine(line);
            return;
        }
        var selection = Selector.Select(matrix, options);
        if (format == ListingFormat.Json) MatrixJson.Write(stdout, selection.Configurations);
        else MatrixTable.Write(console, matrix, selection, here: options.Offer is not null);
    }
}
