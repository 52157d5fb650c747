using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Retention;

/// <summary>
/// The daily run: lists what is due in RetentionReviews and tells the coordinators of the
/// locations concerned (without naming a pupil). Removes nothing: the coordinator confirms.
/// </summary>
public sealed class RetentionScan(PortalDbContext db, TimeProvider clock, Notifier notifier, StaffLookup staff)
{
    public const string ListLink = "/Retention";

    /// <summary>The periods in years per kind, the defaults where the admin set none.</summary>
    public static async Task<Dictionary<RetentionKind, int>> PeriodsAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.RetentionPeriods.AsNoTracking().ToDictionaryAsync(p => p.Kind, p => p.Years, cancellationToken);
        return Enum.GetValues<RetentionKind>().ToDictionary(k => k, k => stored.TryGetValue(k, out var y) ? y : RetentionPeriod.DefaultYears(k));
    }

    /// <summary>Runs once; returns the number of reviews that became due.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var years = await PeriodsAsync(db, cancellationToken);
        var candidates = await db.Pupils.AsNoTracking()
            .Where(p => p.LeftOn != null && p.AnonymisedOn == null)
            .Select(p => new RetentionCandidate(p.Id, p.LocationId, p.LeftOn!.Value,
                db.Referrals.Any(r => r.PupilId == p.Id && r.Category == ReferralCategory.Absence),
                db.ExternalReferrals.Any(r => r.PupilId == p.Id && r.AgencyKind == PartnerKind.Samenwerkingsverband)))
            .ToListAsync(cancellationToken);
        var reviews = await db.RetentionReviews.Where(r => r.Status != RetentionReviewStatus.Confirmed).ToListAsync(cancellationToken);
        var confirmed = await db.RetentionReviews.AsNoTracking().Where(r => r.Status == RetentionReviewStatus.Confirmed)
            .Select(r => new ExistingReview(r.Id, r.PupilId, r.Kind, r.Status, r.PostponedUntil))
            .ToListAsync(cancellationToken);
        var plan = new RetentionDueList(clock).Plan(candidates, years,
            reviews.Select(r => new ExistingReview(r.Id, r.PupilId, r.Kind, r.Status, r.PostponedUntil)).Concat(confirmed));

        var now = clock.GetUtcNow();
        var newPerLocation = new Dictionary<int, int>();
        foreach (var item in plan.New)
        {
            db.RetentionReviews.Add(new RetentionReview(item.PupilId, item.LocationId, item.Kind, item.DueOn, now));
            newPerLocation[item.LocationId] = newPerLocation.GetValueOrDefault(item.LocationId) + 1;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var review in reviews.Where(r => plan.Reopen.Contains(r.Id)))
        {
            review.ReopenIfPostponementEnded(today);
            newPerLocation[review.LocationId] = newPerLocation.GetValueOrDefault(review.LocationId) + 1;
        }

        db.RetentionReviews.RemoveRange(reviews.Where(r => plan.Withdraw.Contains(r.Id)));
        foreach (var (locationId, count) in newPerLocation)
        {
            notifier.Notify(await staff.CoordinatorIdsAtAsync(locationId, cancellationToken), null,
                count == 1 ? "Er is 1 bewaartermijn verlopen om te beoordelen." : $"Er zijn {count} bewaartermijnen verlopen om te beoordelen.",
                ListLink);
        }

        await db.SaveChangesAsync(cancellationToken);
        return plan.New.Count + plan.Reopen.Count;
    }
}

/// <summary>What one check of a leased job came to.</summary>
public enum JobRunOutcome
{
    /// <summary>This instance took the lease and ran the job.</summary>
    Ran,

    /// <summary>Another instance holds the lease, or today's run is done.</summary>
    Skipped,

    /// <summary>This instance took the lease, the run failed, and the lease was let go for a later check.</summary>
    Failed,
}

/// <summary>
/// Runs the retention scan once a day over all instances of the portal. Every instance checks every
/// <c>Retention:CheckInterval</c> (first after <c>Retention:FirstDelay</c>); the check takes the job's lease in
/// the database (<see cref="JobLeases"/>), so only one instance runs the scan per day, and when a holder
/// dies mid-run its lease runs out after <c>Retention:LeaseDuration</c> and a later check elsewhere runs it.
/// Off when <c>Retention:DailyJob</c> is false (the test host turns it off; tests call
/// <see cref="RunOnceAsync"/> or <see cref="RetentionScan"/> themselves with the fake clock).
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<RetentionJob> logger) : BackgroundService
{
    public const string JobName = "retention-scan";
    public const string EnabledSettingKey = "Retention:DailyJob";
    public const string FirstDelaySettingKey = "Retention:FirstDelay";
    public const string CheckIntervalSettingKey = "Retention:CheckInterval";
    public const string LeaseDurationSettingKey = "Retention:LeaseDuration";

    /// <summary>This instance, as it appears in the lease row: machine, process and a random part.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan FirstDelay => Setting(FirstDelaySettingKey, TimeSpan.FromMinutes(1), allowZero: true);

    private TimeSpan CheckInterval => Setting(CheckIntervalSettingKey, TimeSpan.FromMinutes(15), allowZero: false);

    private TimeSpan LeaseDuration => Setting(LeaseDurationSettingKey, TimeSpan.FromMinutes(30), allowZero: false);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledSettingKey, defaultValue: true))
        {
            return;
        }

        try
        {
            // Let the portal start first; then check regularly, running at most once a day in all.
            await Task.Delay(FirstDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(CheckInterval, clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One check: takes the lease if it is free and today's run is not done, runs the scan, marks the day.</summary>
    public async Task<JobRunOutcome> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(JobName, Holder, LeaseDuration, cancellationToken))
                {
                    LogSkipped(logger);
                    return JobRunOutcome.Skipped;
                }
            }
        }
        catch (Exception e) when (IsDatabaseTrouble(e))
        {
            LogFailed(logger, e.GetType().Name);
            return JobRunOutcome.Failed;
        }

        try
        {
            int due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                due = await scope.ServiceProvider.GetRequiredService<RetentionScan>().RunAsync(cancellationToken);
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().CompleteAsync(JobName, Holder, cancellationToken))
                {
                    LogLeaseLost(logger);
                }
            }

            LogRun(logger, due);
            return JobRunOutcome.Ran;
        }
        catch (Exception e) when (IsDatabaseTrouble(e))
        {
            // A later check (here or on another instance) tries again; the log names no pupil.
            LogFailed(logger, e.GetType().Name);
            await ReleaseQuietlyAsync();
            return JobRunOutcome.Failed;
        }
    }

    private async Task ReleaseQuietlyAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(JobName, Holder);
        }
        catch (Exception e) when (IsDatabaseTrouble(e))
        {
            // The lease runs out by itself.
        }
    }

    // A database that is away (a bare NpgsqlException or a busy SQLite file) must not escape either:
    // an exception out of a BackgroundService stops the whole host.
    private static bool IsDatabaseTrouble(Exception e) =>
        e is DbUpdateException or InvalidOperationException or TimeoutException or System.Data.Common.DbException
        || Infrastructure.Database.DatabaseOutage.IsOutage(e);

    private TimeSpan Setting(string key, TimeSpan fallback, bool allowZero)
    {
        var value = configuration.GetValue(key, fallback);
        return value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)
            ? value
            : throw new InvalidOperationException($"{key} moet een positieve tijdsduur zijn (uu:mm:ss), niet {value}.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention scan: {Due} reviews became due")]
    private static partial void LogRun(ILogger logger, int due);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention scan skipped: another instance holds the lease or today's run is done")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention scan ran, but its lease had run out and was taken by another instance; lengthen Retention:LeaseDuration")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention scan failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
