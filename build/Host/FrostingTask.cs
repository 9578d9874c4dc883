namespace RealmCi.Build.Host;

/// <summary>A build task, as in Cake.Frosting: a sealed class per target, ~30 lines, calling one library entry point.</summary>
public abstract class FrostingTask<TContext>
{
    public virtual Task RunAsync(TContext context)
    {
        Run(context);
        return Task.CompletedTask;
    }

    public virtual void Run(TContext context)
    {
    }
}
