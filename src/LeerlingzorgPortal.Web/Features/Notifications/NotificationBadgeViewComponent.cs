using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Notifications;

/// <summary>The number of unread notifications in the menu.</summary>
public sealed class NotificationBadgeViewComponent(NotificationListQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Notifications/_Badge.cshtml", await query.UnreadCountAsync(HttpContext.RequestAborted));
}
