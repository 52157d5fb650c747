using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Retention;

public sealed record ReviewListItem(int Id, int PupilId, string PupilName, string PupilNumber, string Location, RetentionKind Kind,
    DateOnly LeftOn, DateOnly DueOn, RetentionReviewStatus Status, DateOnly? PostponedUntil, string? PostponeReason);

public sealed record ReviewPage(ReviewListItem Review, IReadOnlyList<(InventoryEntry Entry, int Count)> Counts);

/// <summary>
/// The coordinator's side of retention: the due list of the own locations, what one review would
/// remove, and confirming (removal in one transaction, audited without content) or postponing.
/// </summary>
public sealed class RetentionWork(PortalDbContext db, TimeProvider clock, CurrentStaff currentStaff, AuditLog audit)
{
    public const int PageSize = 20;

    public async Task<PagedList<ReviewListItem>> DueListAsync(StaffScope scope, bool postponed, int? page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var status = postponed ? RetentionReviewStatus.Postponed : RetentionReviewStatus.Due;
        var total = await Reviews(scope).CountAsync(r => r.Status == status, cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var items = await Items(Reviews(scope).Where(r => r.Status == status)
                .OrderBy(r => r.DueOn).ThenBy(r => r.PupilId).ThenBy(r => r.Kind)
                .Skip((current - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        items = [.. items.OrderBy(i => i.DueOn).ThenBy(i => i.PupilId).ThenBy(i => i.Kind)];
        return new PagedList<ReviewListItem>(items, current, PageSize, total);
    }

    /// <summary>The review with the counts per kind of record; null when it does not exist or is not the user's location.</summary>
    public async Task<ReviewPage?> PageAsync(int id, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var item = await Items(Reviews(scope).Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }

        var inventoryScope = await InventoryScope.ForAsync(db, item.PupilId, item.Kind, cancellationToken);
        var counts = await PupilRecordInventory.CountAsync(db, inventoryScope, cancellationToken);
        await audit.RecordAsync(AuditAction.Read, nameof(RetentionReview), Id(id), item.PupilId, cancellationToken);
        return new ReviewPage(item, counts.Where(c => c.Count > 0 && c.Entry.Key != PupilRecordInventory.AuditKey).ToList());
    }

    public async Task<CommandResult> ConfirmAsync(int id, CancellationToken cancellationToken = default)
    {
        var review = await LoadAsync(id, cancellationToken);
        if (review is null)
        {
            return CommandResult.NotFound;
        }

        if (review.Status == RetentionReviewStatus.Confirmed)
        {
            // A second confirm (a double click, a second tab) finds the work done.
            return CommandResult.Done;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pupil = await db.Pupils.Include(p => p.Guardians).SingleAsync(p => p.Id == review.PupilId, cancellationToken);
        var years = await RetentionScan.PeriodsAsync(db, cancellationToken);
        if (pupil.LeftOn is not { } leftOn || RetentionDueList.DueOn(leftOn, years, review.Kind) > today)
        {
            return CommandResult.Invalid("De bewaartermijn van deze leerling is (nog) niet verlopen; de leerling is teruggekomen of de vertrekdatum is veranderd.");
        }

        try
        {
            review.Confirm(currentStaff.UserId!, now);
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        // Someone else confirmed it at the same moment (a concurrency error): the data is removed once, by them.
        return await db.SaveCommandAsync(() =>
            strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var scope = await InventoryScope.ForAsync(db, pupil.Id, review.Kind, cancellationToken);
                var done = new List<string>();
                foreach (var entry in PupilRecordInventory.Entries)
                {
                    var touched = await entry.RemoveAsync(db, scope, cancellationToken);
                    if (touched > 0)
                    {
                        done.Add($"{entry.Key}={touched}");
                    }
                }

                if (await AllKindsDoneAsync(pupil.Id, review, cancellationToken))
                {
                    var guardians = pupil.Guardians.Count;
                    pupil.Anonymise(today);
                    done.Add($"ouders={guardians}");
                    done.Add("leerling=geanonimiseerd");
                }

                audit.Add(AuditAction.RetentionDeleted, nameof(RetentionReview), Id(review.Id), pupil.Id,
                    $"{review.Kind}: {string.Join(", ", done)}");
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }),
            onConflict: CommandResult.Done);
    }

    public async Task<CommandResult> PostponeAsync(int id, PostponeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var review = await LoadAsync(id, cancellationToken);
        if (review is null)
        {
            return CommandResult.NotFound;
        }

        try
        {
            review.Postpone(form.Until!.Value, form.Reason, currentStaff.UserId!, clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message, nameof(PostponeForm.Until));
        }

        audit.Add(AuditAction.Update, nameof(RetentionReview), Id(review.Id), review.PupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>The pupil record goes once the care dossier is confirmed and no other kind still waits.</summary>
    private async Task<bool> AllKindsDoneAsync(int pupilId, RetentionReview current, CancellationToken cancellationToken)
    {
        var confirmed = await db.RetentionReviews.AsNoTracking()
            .Where(r => r.PupilId == pupilId && r.Status == RetentionReviewStatus.Confirmed)
            .Select(r => r.Kind).ToListAsync(cancellationToken);
        confirmed.Add(current.Kind);
        if (!confirmed.Contains(RetentionKind.CareDossier))
        {
            return false;
        }

        foreach (var kind in Enum.GetValues<RetentionKind>().Where(k => !confirmed.Contains(k)))
        {
            var scope = await InventoryScope.ForAsync(db, pupilId, kind, cancellationToken);
            foreach (var entry in PupilRecordInventory.Entries.Where(e => e.Treatment != RecordTreatment.Kept))
            {
                if (await entry.CountAsync(db, scope, cancellationToken) > 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private async Task<RetentionReview?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var review = await db.RetentionReviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return review is not null && MayReview(scope, review.LocationId) ? review : null;
    }

    /// <summary>Coordinators review the pupils of their own locations.</summary>
    public static bool MayReview(StaffScope scope, int locationId) => RetentionAccess.ReviewsAt(scope, locationId);

    /// <summary>The reviews of the coordinator's own locations; nobody else has any.</summary>
    private IQueryable<RetentionReview> Reviews(StaffScope scope)
    {
        var locations = LocationAccess.CoordinatedLocations(scope);
        return db.RetentionReviews.AsNoTracking().Where(r => locations.Contains(r.LocationId));
    }

    private IQueryable<ReviewListItem> Items(IQueryable<RetentionReview> reviews) =>
        from r in reviews
        join p in db.Pupils on r.PupilId equals p.Id
        join l in db.Locations on r.LocationId equals l.Id
        select new ReviewListItem(r.Id, p.Id,
            p.Name.Prefix == null ? p.Name.FirstName + " " + p.Name.LastName : p.Name.FirstName + " " + p.Name.Prefix + " " + p.Name.LastName,
            p.Number, l.Name, r.Kind, p.LeftOn ?? r.DueOn, r.DueOn, r.Status, r.PostponedUntil, r.PostponeReason);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
