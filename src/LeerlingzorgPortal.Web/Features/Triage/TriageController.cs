using FluentValidation;
using LeerlingzorgPortal.Web.Features.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Triage;

public sealed class TriageController(ReferralPageResults pages) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.Triages)]
    public async Task<IActionResult> Index(int? page, [FromServices] TriageQueueQuery queue, CancellationToken cancellationToken) =>
        View(await queue.HandleAsync(page, cancellationToken: cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Assign(int id, AssignForm form, [FromServices] IValidator<AssignForm> validator,
        [FromServices] AssignReferral assign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await assign.HandleAsync(id, form, cancellationToken)
            : new CommandResult(CommandStatus.Invalid, []);
        return await pages.AfterAsync(this, result, id, form, "De aanmelding is toegewezen; het zorgtraject is gestart.",
            cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Return(int id, ReturnForm form, [FromServices] IValidator<ReturnForm> validator,
        [FromServices] ReturnReferral returnReferral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await returnReferral.HandleAsync(id, form, cancellationToken)
            : new CommandResult(CommandStatus.Invalid, []);
        return await pages.AfterAsync(this, result, id, form, "De aanmelding is met advies teruggestuurd naar de mentor.",
            cancellationToken);
    }
}
