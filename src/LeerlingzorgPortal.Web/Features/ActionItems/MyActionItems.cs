using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.ActionItems;

public sealed record MyActionItem(int Id, int ReferralId, string Description, string PupilName, DateOnly DueDate,
    ActionItemStatus Status, bool IsOverdue, Guid Version);

/// <summary>The signed-in user's own action items: open ones, overdue first, then by due date.</summary>
public sealed class MyActionItemsQuery(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<PagedList<MyActionItem>> HandleAsync(bool done, int? page, int? take = null,
        CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var status = done ? ActionItemStatus.Done : ActionItemStatus.Open;
        var query = db.ActionItems.AsNoTracking().Where(i => i.OwnerId == me && i.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var size = take ?? PageSize;
        var current = Paging.Clamp(page, total, size);
        var ordered = (done ? query.OrderByDescending(i => i.DueDate) : query.OrderBy(i => i.DueDate)).ThenBy(i => i.Id);
        var items = await RowsAsync(ordered.Skip((current - 1) * size).Take(size), today, cancellationToken);
        return new PagedList<MyActionItem>(items, current, size, total);
    }

    /// <summary>The first open action items of the user, overdue first, without counting them all (the home page).</summary>
    public async Task<IReadOnlyList<MyActionItem>> FirstOpenAsync(int count, CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var open = db.ActionItems.AsNoTracking().Where(i => i.OwnerId == me && i.Status == ActionItemStatus.Open)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id);
        return await RowsAsync(open.Take(count), today, cancellationToken);
    }

    private static async Task<List<MyActionItem>> RowsAsync(IQueryable<ActionItem> items, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await items
            .Select(i => new
            {
                i.Id,
                i.ReferralId,
                i.Description,
                i.Referral!.Pupil!.Name.FirstName,
                i.Referral.Pupil.Name.Prefix,
                i.Referral.Pupil.Name.LastName,
                i.DueDate,
                i.Status,
                i.Version,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MyActionItem(r.Id, r.ReferralId, r.Description,
            ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName), r.DueDate, r.Status,
            r.Status == ActionItemStatus.Open && r.DueDate < today, r.Version)).ToList();
    }
}

/// <summary>
/// Marks an action item done or open again: its owner may, and whoever may work the case.
/// </summary>
public sealed class CompleteActionItem(PortalDbContext db, CurrentStaff currentStaff, CareAccess careAccess, AuditLog audit,
    TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(int id, bool done, CancellationToken cancellationToken = default)
    {
        var item = await db.ActionItems.Include(i => i.Referral!).ThenInclude(r => r.Pupil)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return CommandResult.NotFound;
        }

        var mayChange = item.OwnerId == currentStaff.UserId
                        || (await careAccess.PermissionsAsync(item.Referral!, cancellationToken)).CanWork;
        if (!mayChange)
        {
            return CommandResult.NotFound;
        }

        try
        {
            if (done)
            {
                item.MarkDone(clock.GetUtcNow());
            }
            else
            {
                item.Reopen();
            }
        }
        catch (Domain.DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        audit.Add(Domain.Auditing.AuditAction.Update, nameof(ActionItem),
            item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Referral!.PupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }
}
