using LeerlingzorgPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeerlingzorgPortal.Web.Infrastructure.Jobs;

/// <summary>
/// A lease per background job in the portal's database, so that several instances over one database
/// run a daily job once a day in all. Taking the lease is one conditional UPDATE (or, the very first
/// time, one INSERT that only one instance can win on the primary key): the database decides, on
/// SQLite and on PostgreSQL alike, without a provider-specific lock. See docs/adr/0022.
/// </summary>
public sealed class JobLeases(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The period a daily job runs once in: the UTC day of <paramref name="now"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>
    /// Takes the lease of <paramref name="job"/> for <paramref name="holder"/> until now + <paramref name="leaseFor"/>,
    /// when nobody else holds it and the job has not completed today.
    /// </summary>
    /// <returns>True for exactly one of several holders asking at the same moment.</returns>
    public async Task<bool> TryAcquireAsync(string job, string holder, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var now = clock.GetUtcNow();
        var until = now.Add(leaseFor);
        var today = DayOf(now);

        // The database evaluates the condition and writes in one statement: of two instances racing,
        // the second one's UPDATE sees the first one's lease (PostgreSQL re-checks the row after
        // waiting for its lock; SQLite lets one writer in at a time) and changes nothing.
        var taken = await db.JobLeases
            .Where(l => l.Name == job
                        && (l.LeaseUntil <= now || l.Holder == holder)
                        && (l.LastRunOn == null || l.LastRunOn < today))
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Holder, holder)
                .SetProperty(l => l.LeaseUntil, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken))
        {
            return false;
        }

        // The first run ever: the primary key lets one INSERT through.
        var lease = new JobLease(job, holder, until);
        db.JobLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsDuplicateKey(e))
        {
            db.Entry(lease).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>Marks today's run done and lets the lease go; false when the holder had lost the lease meanwhile.</summary>
    public async Task<bool> CompleteAsync(string job, string holder, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DayOf(now);
        return await db.JobLeases
            .Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.LastRunOn, today)
                .SetProperty(l => l.LeaseUntil, now)
                .SetProperty(l => l.Runs, l => l.Runs + 1), cancellationToken) == 1;
    }

    /// <summary>Lets the lease go without marking a run (after a failure), so another instance may try at its next check.</summary>
    public async Task ReleaseAsync(string job, string holder, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await db.JobLeases
            .Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, now), cancellationToken);
    }

    private static bool IsDuplicateKey(DbUpdateException e) => e.InnerException switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException s => s.SqliteErrorCode == 19, // SQLITE_CONSTRAINT (primary key)
        _ => false,
    };
}
