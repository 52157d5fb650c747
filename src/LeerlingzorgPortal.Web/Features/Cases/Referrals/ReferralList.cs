using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.Referrals;

public sealed record ReferralRow(int Id, string PupilName, string? MentorGroup, ReferralCategory Category, Urgency Urgency,
    ReferralStatus Status, DateTimeOffset CreatedAt, string? CareWorker, bool Mine);

public sealed record ReferralListPage(ReferralStatus? Status, bool OnlyMine, PagedList<ReferralRow> Referrals);

/// <summary>The referrals the user may read: their own first choice, everything readable otherwise.</summary>
public sealed class ReferralListQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff)
{
    public const int PageSize = 25;

    public async Task<ReferralListPage> HandleAsync(ReferralStatus? status, bool onlyMine, int? page,
        CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var query = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken));
        if (onlyMine)
        {
            query = query.Where(r => r.ReferredById == me);
        }

        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var items = await RowsAsync(query, me, (current - 1) * PageSize, PageSize, cancellationToken);
        return new ReferralListPage(status, onlyMine, new PagedList<ReferralRow>(items, current, PageSize, total));
    }

    /// <summary>The newest referrals the user made, without counting them all (for the home page).</summary>
    public async Task<IReadOnlyList<ReferralRow>> MineFirstAsync(int take, CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var query = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => r.ReferredById == me);
        return await RowsAsync(query, me, 0, take, cancellationToken);
    }

    private async Task<List<ReferralRow>> RowsAsync(IQueryable<Referral> query, string? me, int skip, int take,
        CancellationToken cancellationToken)
    {
        var rows = await query
            .OrderByDescending(r => r.Id)
            .Skip(skip)
            .Take(take)
            .Select(r => new
            {
                r.Id,
                r.Pupil!.Name.FirstName,
                r.Pupil.Name.Prefix,
                r.Pupil.Name.LastName,
                MentorGroup = r.Pupil.MentorGroup == null ? null : r.Pupil.MentorGroup.Name,
                r.Category,
                r.Urgency,
                r.Status,
                r.CreatedAt,
                CareWorker = db.StaffMembers.Where(s => s.Id == r.AssignedCareWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                r.ReferredById,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReferralRow(r.Id, FullName(r.FirstName, r.Prefix, r.LastName), r.MentorGroup,
            r.Category, r.Urgency, r.Status, r.CreatedAt, r.CareWorker, r.ReferredById == me)).ToList();
    }

    internal static string FullName(string first, string? prefix, string last) =>
        prefix is null ? $"{first} {last}" : $"{first} {prefix} {last}";
}

/// <summary>The pupils a user may refer: the same as the pupils they may see.</summary>
public sealed class ReferablePupilsQuery(PortalDbContext db, CurrentStaff currentStaff)
{
    public async Task<IReadOnlyList<FilterOption>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var pupils = await db.Pupils.AsNoTracking()
            .Where(Domain.Access.PupilAccess.ReadableBy(scope))
            .OrderBy(p => p.Name.LastName).ThenBy(p => p.Name.FirstName)
            .Select(p => new
            {
                p.Id,
                p.Name.FirstName,
                p.Name.Prefix,
                p.Name.LastName,
                p.Number,
                Group = p.MentorGroup == null ? null : p.MentorGroup.Name,
            })
            .ToListAsync(cancellationToken);
        return pupils.Select(p => new FilterOption(p.Id,
                $"{(p.Prefix is null ? $"{p.LastName}, {p.FirstName}" : $"{p.LastName}, {p.FirstName} {p.Prefix}")} ({p.Group ?? "geen groep"}, {p.Number})"))
            .ToList();
    }
}
