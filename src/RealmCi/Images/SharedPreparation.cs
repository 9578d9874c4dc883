using RealmCi.Results;

namespace RealmCi.Images;

/// <summary>
/// One preparation that several callers wait for. Every waiter gets every output line (those
/// produced before it joined are replayed first, in order), its own time limit and its own
/// cancellation: a waiter that gives up only leaves. The preparation stops when nobody waits any
/// more, or when its own limit passes (a stalled pull cannot hang a run).
/// </summary>
internal sealed class SharedPreparation<T>
{
    private readonly object gate = new();
    private readonly List<ImageLine> lines = [];
    private readonly List<Action<ImageLine>> listeners = [];
    private readonly CancellationTokenSource stop;
    private int waiters;

    public SharedPreparation(Func<Action<ImageLine>, CancellationToken, Task<T>> work, TimeSpan limit)
    {
        stop = new CancellationTokenSource(limit);
        Work = Task.Run(() => work(Publish, stop.Token));
    }

    public Task<T> Work { get; }

    /// <summary>Everyone stopped waiting before it finished, so it was stopped: a new caller starts afresh.</summary>
    public bool Abandoned { get; private set; }

    /// <summary>The lines produced so far.</summary>
    public IReadOnlyList<ImageLine> Lines
    {
        get { lock (gate) return [.. lines]; }
    }

    public async Task<T> JoinAsync(Action<ImageLine> log, TimeSpan? timeout, CancellationToken cancellation)
    {
        lock (gate)
        {
            foreach (var line in lines) Deliver(log, line);
            listeners.Add(log);
            waiters++;
        }
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (timeout is { } t) mine.CancelAfter(t);
        try
        {
            return await Work.WaitAsync(mine.Token);
        }
        finally
        {
            lock (gate)
            {
                listeners.Remove(log);
                if (--waiters == 0 && !Work.IsCompleted)
                {
                    Abandoned = true;
                    stop.Cancel();
                }
            }
        }
    }

    private void Publish(ImageLine line)
    {
        lock (gate)
        {
            lines.Add(line);
            foreach (var listener in listeners) Deliver(listener, line);
        }
    }

    private static void Deliver(Action<ImageLine> listener, ImageLine line)
    {
        try { listener(line); }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { } // a waiter's log went away; the others still get it
    }
}
