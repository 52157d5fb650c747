using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Cases.ActionItems;

public sealed class ActionItemsController(CompleteActionItem complete) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(bool done, int? page, [FromServices] MyActionItemsQuery query,
        CancellationToken cancellationToken)
    {
        ViewData["Done"] = done;
        return View(await query.HandleAsync(done, page, cancellationToken: cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Done(int id, string? returnUrl, CancellationToken cancellationToken) =>
        After(await complete.HandleAsync(id, done: true, cancellationToken), returnUrl, "Het actiepunt is afgerond.");

    [HttpPost]
    public async Task<IActionResult> Reopen(int id, string? returnUrl, CancellationToken cancellationToken) =>
        After(await complete.HandleAsync(id, done: false, cancellationToken), returnUrl, "Het actiepunt staat weer open.");

    private IActionResult After(CommandResult result, string? returnUrl, string doneMessage)
    {
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? doneMessage : result.Errors[0].Message;
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction(nameof(Index));
    }
}
