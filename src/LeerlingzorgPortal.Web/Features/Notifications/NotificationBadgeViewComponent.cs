using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Notifications;

/// <summary>
/// The number of unread notifications in the menu: as read by this request's session check (same round
/// trip, ADR 0026), or asked now when there is none or a notification was read in this request.
/// </summary>
public sealed class NotificationBadgeViewComponent(NotificationListQuery query, SignedInUser signedInUser) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Notifications/_Badge.cshtml",
            signedInUser.UnreadNotifications ?? await query.UnreadCountAsync(HttpContext.RequestAborted));
}
