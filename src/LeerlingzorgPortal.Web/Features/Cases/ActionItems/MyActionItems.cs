using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.ActionItems;

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

    /// <summary>
    /// What the home page reads of each of the user's first open action items (overdue first, then by due date:
    /// <c>OrderBy(DueDate).ThenBy(Id)</c>), inside its overview's command; <see cref="Rows"/> makes them
    /// <see cref="MyActionItem"/>s.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<ActionItem, MyActionItemData>> Projection = i => new MyActionItemData
    {
        Id = i.Id,
        ReferralId = i.ReferralId,
        Description = i.Description,
        FirstName = i.Referral!.Pupil!.Name.FirstName,
        Prefix = i.Referral.Pupil.Name.Prefix,
        LastName = i.Referral.Pupil.Name.LastName,
        DueDate = i.DueDate,
        Status = i.Status,
        Version = i.Version,
    };

    /// <summary>The rows of <see cref="Projection"/> as shown, in the order they came.</summary>
    public static IReadOnlyList<MyActionItem> Rows(IEnumerable<MyActionItemData> rows, DateOnly today) =>
        rows.Select(r => new MyActionItem(r.Id, r.ReferralId, r.Description,
            ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName), r.DueDate, r.Status,
            r.Status == ActionItemStatus.Open && r.DueDate < today, r.Version)).ToList();

    private static async Task<IReadOnlyList<MyActionItem>> RowsAsync(IQueryable<ActionItem> items, DateOnly today, CancellationToken cancellationToken) =>
        Rows(await Project(items).ToListAsync(cancellationToken), today);

    private static IQueryable<MyActionItemData> Project(IQueryable<ActionItem> items) => items.Select(Projection);
}

/// <summary>One action item as read from the database, before it becomes a <see cref="MyActionItem"/>.</summary>
public sealed class MyActionItemData
{
    public int Id { get; init; }
    public int ReferralId { get; init; }
    public string Description { get; init; } = string.Empty;
    public string FirstName { get; init; } = string.Empty;
    public string? Prefix { get; init; }
    public string LastName { get; init; } = string.Empty;
    public DateOnly DueDate { get; init; }
    public ActionItemStatus Status { get; init; }
    public Guid Version { get; init; }
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
