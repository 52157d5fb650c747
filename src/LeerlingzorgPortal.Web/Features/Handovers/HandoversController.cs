using FluentValidation;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Handovers;

/// <summary>Recording the warm handover from the pupil's page. Whoever may not handle the pupil gets 404.</summary>
public sealed class HandoversController(HandoverWork work) : Controller
{
    [HttpPost]
    public async Task<IActionResult> Record(int pupilId, HandoverForm form, [FromServices] IValidator<HandoverForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await work.MayHandleAsync(pupilId, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        var result = validation.IsValid
            ? await work.RecordAsync(pupilId, form, cancellationToken)
            : CommandResult.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "HandoverMessage" : "HandoverError"] = result.Succeeded
            ? form.NeedsCare ? "De warme overdracht is vastgelegd; de leerling staat in de intakewachtrij." : "De warme overdracht is vastgelegd."
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction("Details", "Pupils", new { id = pupilId }, "handover");
    }
}
