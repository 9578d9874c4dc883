using RealmCi.Results;
using RealmCi.Reporting;
using RealmCi.Build.Host;
using RealmCi.Matrix;

namespace RealmCi.Build.Tasks;

[TaskName("Matrix")]
[TaskDescription("List the selected configurations (--format=table|json) or --explain=ID")]
public sealed class MatrixTask : FrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        // Tables and --explain show availability on this host; JSON (for CI generation) stays host-independent unless --only-available asks.
        var offered = context.Format == ListingFormat.Table || context.Explain is not null || context.Settings.OnlyAvailable;
        // The engine's first answer (a read-only ping) is asked on the other core while the matrix is parsed; a bad file or a
        // mistyped --explain Id still fails first, and the answer is then never used.
        if (offered && context.Explain is null && context.Executor != RealmCi.Results.ExecutorKind.Host) _ = context.ReachableEngineAsync();
        var matrix = context.Matrix;
        if (context.Explain is { } id) Explainer.CheckId(matrix, id); // a mistyped Id is exit 2, before the host is probed
        var options = offered
            ? await context.SelectionWithOfferAsync(matrix.Definition) : context.Selection;
        MatrixListing.Run(matrix, options, context.Format, context.Explain, context.Output, context.StandardOutput);
        if (context.Explain is { } explained && matrix.ById.ContainsKey(explained))
        {
            // Conditional overrides: which fact of the source decided (--realm-source given), else how each fact is read.
            var conditions = FactConditions.Of(matrix.Definition);
            var source = context.Settings.RealmSource;
            var facts = conditions.IsEmpty || source is null ? null : conditions.Read(RealmCi.Execution.SourceLocator.ProjectFolder(source, matrix.Definition.Source));
            foreach (var line in conditions.Explain(explained, facts)) Spectre.Console.AnsiConsoleExtensions.WriteLine(context.Output, line, Spectre.Console.Style.Plain);
        }
    }
}
