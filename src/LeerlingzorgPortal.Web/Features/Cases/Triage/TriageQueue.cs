using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.Triage;

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

    /// <summary>
    /// The first referrals of the queue in its order, without counting it, for a page that fetches their rows
    /// inside a command of its own (the coordinator's home page, which counts the queue with its other counts):
    /// <see cref="Row"/> makes a row of each, <see cref="InOrder(IEnumerable{QueueRow})"/> puts them back in order.
    /// </summary>
    public async Task<IQueryable<Domain.Care.Referral>> FirstAsync(int take, CancellationToken cancellationToken = default) =>
        InOrder(await SubmittedAsync(cancellationToken)).Take(take);

    /// <summary>Most urgent first, then the longest waiting.</summary>
    public static IOrderedQueryable<Domain.Care.Referral> InOrder(IQueryable<Domain.Care.Referral> query) =>
        query.OrderByDescending(r => r.Urgency == Urgency.Urgent).ThenByDescending(r => r.Urgency == Urgency.High)
            .ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id);

    /// <summary>The queue's order for rows already read (<see cref="InOrder"/> in memory).</summary>
    public static IEnumerable<QueueRow> InOrder(IEnumerable<QueueRow> rows) =>
        rows.OrderByDescending(r => r.Urgency == Urgency.Urgent).ThenByDescending(r => r.Urgency == Urgency.High)
            .ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id);

    /// <summary>One row of the queue as shown.</summary>
    public QueueRow Row(int id, string firstName, string? prefix, string lastName, string? mentorGroup, string location,
        ReferralCategory category, Urgency urgency, DateTimeOffset submittedAt, string referredBy, ReferralSource source) =>
        new(id, ReferralListQuery.FullName(firstName, prefix, lastName), mentorGroup, location, category, urgency, submittedAt,
            referredBy, Math.Max(0, (int)(clock.GetUtcNow() - submittedAt).TotalDays), source);

    private async Task<IQueryable<Domain.Care.Referral>> SubmittedAsync(CancellationToken cancellationToken) =>
        db.Referrals.AsNoTracking()
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => r.Status == ReferralStatus.Submitted);

    private async Task<List<QueueRow>> RowsAsync(IQueryable<Domain.Care.Referral> query, int skip, int take,
        CancellationToken cancellationToken)
    {
        var rows = await InOrder(query)
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
        return rows.Select(r => Row(r.Id, r.FirstName, r.Prefix, r.LastName, r.MentorGroup, r.Location, r.Category, r.Urgency,
            r.SubmittedAt!.Value, r.ReferredBy, r.Source)).ToList();
    }
}
