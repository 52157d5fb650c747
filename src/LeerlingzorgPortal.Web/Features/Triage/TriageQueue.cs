using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Triage;

public sealed record QueueRow(int Id, string PupilName, string? MentorGroup, string Location, ReferralCategory Category,
    Urgency Urgency, DateTimeOffset SubmittedAt, string ReferredBy, int DaysWaiting, ReferralSource Source);

/// <summary>The intake queue: submitted referrals the user may triage, most urgent and oldest first.</summary>
public sealed class TriageQueueQuery(PortalDbContext db, CareAccess careAccess, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<PagedList<QueueRow>> HandleAsync(int? page, int? take = null, CancellationToken cancellationToken = default)
    {
        var query = await SubmittedAsync(cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var size = take ?? PageSize;
        var current = Paging.Clamp(page, total, size);
        var items = await RowsAsync(query, (current - 1) * size, size, cancellationToken);
        return new PagedList<QueueRow>(items, current, size, total);
    }

    /// <summary>The first rows of the queue without counting it (the home page counts it with its other counts).</summary>
    public async Task<IReadOnlyList<QueueRow>> FirstRowsAsync(int take, CancellationToken cancellationToken = default) =>
        await RowsAsync(await SubmittedAsync(cancellationToken), 0, take, cancellationToken);

    private async Task<IQueryable<Domain.Care.Referral>> SubmittedAsync(CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking()
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => r.Status == ReferralStatus.Submitted);

    private async Task<List<QueueRow>> RowsAsync(IQueryable<Domain.Care.Referral> query, int skip, int take,
        CancellationToken cancellationToken)
    {
        var rows = await query
            .OrderByDescending(r => r.Urgency == Urgency.Urgent).ThenByDescending(r => r.Urgency == Urgency.High)
            .ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Skip(skip)
            .Take(take)
            .Select(r => new
            {
                r.Id,
                r.Pupil!.Name.FirstName,
                r.Pupil.Name.Prefix,
                r.Pupil.Name.LastName,
                MentorGroup = r.Pupil.MentorGroup == null ? null : r.Pupil.MentorGroup.Name,
                Location = db.Locations.Where(l => l.Id == r.LocationId).Select(l => l.Name).First(),
                r.Category,
                r.Urgency,
                r.SubmittedAt,
                r.Source,
                ReferredBy = db.StaffMembers.Where(s => s.Id == r.ReferredById).Select(s => s.DisplayName).First(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(r => new QueueRow(r.Id, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName),
            r.MentorGroup, r.Location, r.Category, r.Urgency, r.SubmittedAt!.Value, r.ReferredBy,
            Math.Max(0, (int)(now - r.SubmittedAt!.Value).TotalDays), r.Source)).ToList();
    }
}
