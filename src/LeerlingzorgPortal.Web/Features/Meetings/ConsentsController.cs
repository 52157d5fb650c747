using FluentValidation;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Meetings;

/// <summary>Recording and withdrawing a pupil's consent for meetings with externals, from the pupil page.</summary>
public sealed class ConsentsController(MeetingWork work) : Controller
{
    [HttpPost]
    public async Task<IActionResult> Record(int pupilId, PupilConsentForm form, [FromServices] IValidator<PupilConsentForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await work.MayHandleConsentAsync(pupilId, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(form, cancellationToken);
        var result = validation.IsValid
            ? await work.RecordConsentAsync(pupilId, form, cancellationToken)
            : CommandResult.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded
            ? "De toestemming is vastgelegd."
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction("Details", "Pupils", new { id = pupilId }, "consent");
    }

    [HttpPost]
    public async Task<IActionResult> Withdraw(int id, DateOnly? on, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var (result, pupilId) = await work.WithdrawConsentAsync(id, on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            cancellationToken);
        if (result.Status == CommandStatus.NotFound || pupilId is null)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? "De toestemming is ingetrokken." : result.Errors[0].Message;
        return RedirectToAction("Details", "Pupils", new { id = pupilId }, "consent");
    }
}
