namespace CareerPath.Data;

/// <summary>
/// One save at a time per process, waited for without holding a thread. SQLite lets one writer in at a time; a save
/// that finds the lock taken sleeps in SQLite's busy handler, on its thread-pool thread, in steps of up to 100 ms, even
/// when the lock comes free a millisecond later. Queued here instead, saves go in order as soon as the one before ends,
/// and the threads serve other circuits meanwhile. Other processes (the command-line tool) still meet the busy
/// timeout, as before.
/// </summary>
public static class WriteGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        return new Release();
    }

    public static IDisposable Enter()
    {
        Gate.Wait();
        return new Release();
    }

    private sealed class Release : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Gate.Release();
            }
        }
    }
}
