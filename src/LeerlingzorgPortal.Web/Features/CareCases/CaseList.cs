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
        var query = await FilterAsync(closed, onlyMine, extra, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var items = await RowsAsync(query, closed, (current - 1) * PageSize, cancellationToken);
        return new CaseListPage(closed, onlyMine, options.Value.StaleAfterDays, new PagedList<CaseRow>(items, current, PageSize, total));
    }

    /// <summary>
    /// The first page of open cases without counting them all: for the home page, which shows the rows
    /// only. The same filter and order as <see cref="HandleAsync(bool, bool, int?, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> FirstPageAsync(bool onlyMine,
        System.Linq.Expressions.Expression<Func<Referral, bool>>? extra, CancellationToken cancellationToken = default) =>
        await RowsAsync(await FilterAsync(closed: false, onlyMine, extra, cancellationToken), closed: false, skip: 0, cancellationToken);

    private async Task<IQueryable<Referral>> FilterAsync(bool closed, bool onlyMine,
        System.Linq.Expressions.Expression<Func<Referral, bool>>? extra, CancellationToken cancellationToken)
    {
        var me = currentStaff.UserId;
        var query = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken));
        query = closed
            ? query.Where(r => r.Status == ReferralStatus.Closed || r.Status == ReferralStatus.ReferredOut)
            : query.Where(r => r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress);
        if (onlyMine)
        {
            query = query.Where(r => r.AssignedCareWorkerId == me);
        }

        return extra is null ? query : query.Where(extra);
    }

    private async Task<List<CaseRow>> RowsAsync(IQueryable<Referral> query, bool closed, int skip, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var staleBefore = today.AddDays(-options.Value.StaleAfterDays);
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
            .Skip(skip)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new CaseRow(r.Id, r.PupilId, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName),
                r.MentorGroup, r.Status, r.CareWorker, r.SupportLevel, r.LastContact, r.OpenItems, r.OverdueItems,
                !closed && (r.LastContact ?? DateOnly.FromDateTime(r.TriagedAt!.Value.UtcDateTime)) < staleBefore))
            .ToList();
    }
}
