using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Notifications;

public sealed class NotificationsController(ReadNotification read) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? page, [FromServices] NotificationListQuery query, CancellationToken cancellationToken) =>
        View(await query.HandleAsync(page, cancellationToken: cancellationToken));

    /// <summary>Marks the notification read and follows its link (always a path inside the portal).</summary>
    [HttpPost]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var link = await read.HandleAsync(id, cancellationToken);
        return link is not null && Url.IsLocalUrl(link) ? LocalRedirect(link) : NotFound();
    }

    [HttpPost]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        await read.ReadAllAsync(cancellationToken);
        TempData["Message"] = "Alle meldingen zijn gelezen.";
        return RedirectToAction(nameof(Index));
    }
}
