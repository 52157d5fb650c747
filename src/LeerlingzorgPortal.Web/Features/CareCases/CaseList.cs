using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.CareCases;

public sealed record CaseRow(int Id, int PupilId, string PupilName, string? MentorGroup, ReferralStatus Status, string? CareWorker,
    SupportLevel? SupportLevel, DateOnly? LastContact, int OpenItems, int OverdueItems, bool IsStale);

public sealed record CaseListPage(bool Closed, bool OnlyMine, int StaleAfterDays, PagedList<CaseRow> Cases);

/// <summary>
/// Care cases the user may read: open ones by default, the user's own or all they may see, with the
/// date of the last contact and the open and overdue action items.
/// </summary>
public sealed class CaseListQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CareOptions> options)
{
    public const int PageSize = 25;

    public async Task<CaseListPage> HandleAsync(bool closed, bool onlyMine, int? page, CancellationToken cancellationToken = default) =>
        await HandleAsync(closed, onlyMine, page, extra: null, cancellationToken);

    /// <param name="extra">A further filter, for the coordinator's signals (cases without an active care worker).</param>
    public async Task<CaseListPage> HandleAsync(bool closed, bool onlyMine, int? page,
        System.Linq.Expressions.Expression<Func<Referral, bool>>? extra, CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var staleBefore = today.AddDays(-options.Value.StaleAfterDays);
        var query = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken));
        query = closed
            ? query.Where(r => r.Status == ReferralStatus.Closed || r.Status == ReferralStatus.ReferredOut)
            : query.Where(r => r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress);
        if (onlyMine)
        {
            query = query.Where(r => r.AssignedCareWorkerId == me);
        }

        if (extra is not null)
        {
            query = query.Where(extra);
        }

        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var rows = await query
            .Select(r => new
            {
                r.Id,
                r.PupilId,
                r.Pupil!.Name.FirstName,
                r.Pupil.Name.Prefix,
                r.Pupil.Name.LastName,
                MentorGroup = r.Pupil.MentorGroup == null ? null : r.Pupil.MentorGroup.Name,
                r.Status,
                CareWorker = db.StaffMembers.Where(s => s.Id == r.AssignedCareWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                r.SupportLevel,
                r.TriagedAt,
                LastContact = r.Notes.Max(n => (DateOnly?)n.Date),
                OpenItems = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open),
                OverdueItems = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open && i.DueDate < today),
            })
            .OrderBy(r => r.LastContact ?? DateOnly.MinValue).ThenBy(r => r.Id)
            .Skip((current - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new CaseRow(r.Id, r.PupilId, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName),
                r.MentorGroup, r.Status, r.CareWorker, r.SupportLevel, r.LastContact, r.OpenItems, r.OverdueItems,
                !closed && (r.LastContact ?? DateOnly.FromDateTime(r.TriagedAt!.Value.UtcDateTime)) < staleBefore))
            .ToList();
        return new CaseListPage(closed, onlyMine, options.Value.StaleAfterDays, new PagedList<CaseRow>(items, current, PageSize, total));
    }
}
