using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Shared;
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

/// <summary>
/// Runs the retention scan once a day. Off when <c>Retention:DailyJob</c> is false (the test host
/// turns it off; tests call <see cref="RetentionScan"/> themselves with the fake clock).
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<RetentionJob> logger) : BackgroundService
{
    public const string EnabledSettingKey = "Retention:DailyJob";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledSettingKey, defaultValue: true))
        {
            return;
        }

        try
        {
            // Let the portal start first; then once a day.
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromDays(1), clock);
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

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var due = await scope.ServiceProvider.GetRequiredService<RetentionScan>().RunAsync(cancellationToken);
            LogRun(logger, due);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or TimeoutException
                                      || Infrastructure.Database.DatabaseOutage.IsOutage(e))
        {
            // Tomorrow is another run; the log names no pupil. A database that is away (a bare NpgsqlException or a
            // busy SQLite file) must not escape: an exception out of a BackgroundService stops the whole host.
            LogFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention scan: {Due} reviews became due")]
    private static partial void LogRun(ILogger logger, int due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention scan failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
