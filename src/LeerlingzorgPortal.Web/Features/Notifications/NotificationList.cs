using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Notifications;

public sealed record NotificationRow(long Id, string Message, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed class NotificationListQuery(PortalDbContext db, CurrentStaff currentStaff)
{
    public const int PageSize = 25;

    public Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        return db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, cancellationToken);
    }

    public async Task<PagedList<NotificationRow>> HandleAsync(int? page, int? take = null, bool onlyUnread = false,
        CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        if (onlyUnread)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var size = take ?? PageSize;
        var current = Paging.Clamp(page, total, size);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((current - 1) * size).Take(size)
            .Select(n => new NotificationRow(n.Id, n.Message, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new PagedList<NotificationRow>(items, current, size, total);
    }
}

/// <summary>Marks the user's own notification read; another user's id is not found.</summary>
public sealed class ReadNotification(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock,
    SignedInUser signedInUser)
{
    public async Task<string?> HandleAsync(long id, CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == me, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signedInUser.ForgetUnread();
        return notification.Link;
    }

    public async Task ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var me = currentStaff.UserId;
        var now = clock.GetUtcNow();
        foreach (var notification in await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null)
                     .ToListAsync(cancellationToken))
        {
            notification.MarkRead(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        signedInUser.ForgetUnread();
    }
}
