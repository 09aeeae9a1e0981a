using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>
    /// Waits for the turn. The turn goes on without the caller's context (a page's queue of work): were it to wait in
    /// that queue behind renders while holding the gate, every save behind it would wait too (measured: turns of
    /// 30 ms to 1.3 s, instead of a few milliseconds, when the machine was busy).
    /// </summary>
    public static async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release();
    }

    /// <summary>
    /// Runs a write that does not go through SaveChanges (ExecuteUpdate, ExecuteDelete) in its turn. Left outside the
    /// gate, such a write takes SQLite's lock between two saves, and the saves behind it (holding the gate) sleep in the
    /// busy handler. Every open page touches its session at its first action each minute, so these are frequent.
    /// </summary>
    public static async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken = default)
    {
        using var turn = await EnterAsync(cancellationToken).ConfigureAwait(false);
        return await write().ConfigureAwait(false);
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

    /// <summary>
    /// Begins a write transaction in its turn: the turn is held until the transaction ends, and the saves inside it go
    /// straight in (see <see cref="CareerPathDbContext.SaveChangesAsync(bool, CancellationToken)"/>). Begun outside the
    /// gate, a transaction takes SQLite's lock from under a save holding the turn, which then sleeps in the busy handler.
    /// Not for use inside another write (the turn would wait for itself).
    /// </summary>
    public static async Task<GatedTransaction> BeginWriteTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var turn = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new GatedTransaction(await database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }
}

/// <summary>A write transaction that holds the write gate's turn until it is committed, rolled back or disposed.</summary>
public sealed class GatedTransaction(IDbContextTransaction transaction, IDisposable turn) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            turn.Dispose();
        }
    }
}
