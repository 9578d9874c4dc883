namespace RealmCi.Build.Host;

/// <summary>A build task, as in Cake.Frosting: a sealed class per target, ~30 lines, calling one library entry point.</summary>
public abstract class FrostingTask<TContext>
{
    /// <summary>
    /// The target's own checks of the resolved settings (required options, combinations, files
    /// that must exist): pure, run with every other setting's check before any target starts,
    /// so nothing is cloned, locked or asked of the engine for a run that cannot go ahead.
    /// </summary>
    public virtual IEnumerable<string> Check(Settings settings) => [];

    public virtual Task RunAsync(TContext context)
    {
        Run(context);
        return Task.CompletedTask;
    }

    public virtual void Run(TContext context)
    {
    }
}
