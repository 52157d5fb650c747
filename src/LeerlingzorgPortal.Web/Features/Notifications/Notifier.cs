using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Notifications;

namespace LeerlingzorgPortal.Web.Features.Notifications;

/// <summary>
/// Adds in-app notifications to the unit of work, so they are saved with the change they announce.
/// Messages never name the pupil; the link leads to a page that checks access.
/// </summary>
public sealed class Notifier(PortalDbContext db, TimeProvider clock)
{
    public void Notify(IEnumerable<string?> recipientIds, string? exceptId, string message, string link)
    {
        ArgumentNullException.ThrowIfNull(recipientIds);
        foreach (var recipient in recipientIds.OfType<string>().Distinct().Where(id => id != exceptId))
        {
            db.Notifications.Add(new Notification(recipient, message, link, clock.GetUtcNow()));
        }
    }
}
