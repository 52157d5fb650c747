using FluentValidation;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Cases.CasePage;

/// <summary>
/// The referral page is where every case form lives. These helpers show it (auditing the read) and
/// turn a use case's result into the next response: back to the page with a message when done, the
/// page again with the messages and the typed values when not, 404 when the user may not.
/// </summary>
public sealed class ReferralPageResults(ReferralPageQuery query, AuditLog audit)
{
    public const string ViewPath = "~/Features/Cases/CasePage/Details.cshtml";

    public async Task<IActionResult> ShowAsync(Controller controller, int id, object? submittedForm = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var page = await query.HandleAsync(id, cancellationToken);
        if (page is null)
        {
            return controller.NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, "Referral", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.PupilId, cancellationToken);
        controller.ViewData["Form"] = submittedForm;
        return controller.View(ViewPath, page);
    }

    /// <summary>Validates a form posted from the referral page, runs the use case when valid, and answers.</summary>
    public async Task<IActionResult> HandleFormAsync<TForm>(Controller controller, int id, TForm form, IValidator<TForm> validator,
        Func<Task<CommandResult>> handle, string doneMessage, CancellationToken cancellationToken = default)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(controller);
        var result = await controller.RunValidatedAsync(form, validator, handle, cancellationToken);
        return await AfterAsync(controller, result, id, form, doneMessage, cancellationToken);
    }

    public Task<IActionResult> AfterAsync(Controller controller, CommandResult result, int id, object form,
        string doneMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return controller.RespondAsync(result, doneMessage, () => controller.RedirectToAction("Details", "Referrals", new { id }),
            () => ShowAsync(controller, id, form, cancellationToken));
    }
}
