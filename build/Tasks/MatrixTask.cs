using RealmCi.Build.Host;
using RealmCi.Matrix;

namespace RealmCi.Build.Tasks;

[TaskName("Matrix")]
[TaskDescription("List the selected configurations (--format=table|json) or --explain=ID")]
public sealed class MatrixTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        MatrixListing.Run(context.MatrixFile, context.Selection, context.Format, context.Explain, context.Output, context.StandardOutput);
}
