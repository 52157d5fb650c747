using FluentValidation;
using LeerlingzorgPortal.Web.Features.Cases.CasePage;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Cases.Triage;

[Authorize(Policy = Policies.Triages)]
public sealed class TriageController(ReferralPageResults pages) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? page, [FromServices] TriageQueueQuery queue, CancellationToken cancellationToken) =>
        View(await queue.HandleAsync(page, cancellationToken: cancellationToken));

    [HttpPost]
    public Task<IActionResult> Assign(int id, AssignForm form, [FromServices] IValidator<AssignForm> validator,
        [FromServices] AssignReferral assign, CancellationToken cancellationToken) =>
        pages.HandleFormAsync(this, id, form, validator, () => assign.HandleAsync(id, form, cancellationToken),
            "De aanmelding is toegewezen; het zorgtraject is gestart.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> Return(int id, ReturnForm form, [FromServices] IValidator<ReturnForm> validator,
        [FromServices] ReturnReferral returnReferral, CancellationToken cancellationToken) =>
        pages.HandleFormAsync(this, id, form, validator, () => returnReferral.HandleAsync(id, form, cancellationToken),
            "De aanmelding is met advies teruggestuurd naar de mentor.", cancellationToken);
}
