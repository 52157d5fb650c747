using FluentValidation;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases.CasePage;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Cases.Referrals;

public sealed class ReferralsController(ReferralPageResults pages, ReferablePupilsQuery pupils) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.WorksWithPupils)]
    public async Task<IActionResult> Index(ReferralStatus? status, bool mine, int? page, [FromServices] ReferralListQuery query,
        CancellationToken cancellationToken) =>
        View(await query.HandleAsync(status, mine, page, cancellationToken));

    [HttpGet]
    [Authorize(Policy = Policies.WorksWithPupils)]
    public async Task<IActionResult> Create(int? pupilId, CancellationToken cancellationToken) =>
        await FormView("Create", new ReferralForm { PupilId = pupilId, RequestId = Guid.NewGuid() }, cancellationToken);

    [HttpPost]
    [Authorize(Policy = Policies.WorksWithPupils)]
    public async Task<IActionResult> Create(ReferralForm form, [FromServices] IValidator<ReferralForm> validator,
        [FromServices] CreateReferral createReferral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.RequestId == Guid.Empty)
        {
            form.RequestId = Guid.NewGuid();
        }

        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            return await FormView("Create", form, cancellationToken);
        }

        var (result, id) = await createReferral.HandleAsync(form, cancellationToken);
        if (id is null)
        {
            result.CopyTo(ModelState);
            return await FormView("Create", form, cancellationToken);
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded
            ? form.WantsSubmit ? "De aanmelding is ingediend; de zorgcoördinator is op de hoogte gebracht." : "Het concept is opgeslagen."
            : $"Het concept is opgeslagen, maar niet ingediend: {result.Errors[0].Message}";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, [FromServices] ReferralLoader loader, CancellationToken cancellationToken)
    {
        var referral = await loader.LoadAsync(id, Operations.Edit, cancellationToken: cancellationToken);
        if (referral is null)
        {
            return NotFound();
        }

        return await FormView("Edit", new ReferralForm
        {
            PupilId = referral.PupilId,
            Category = referral.Category,
            Urgency = referral.Urgency,
            Question = referral.Question,
            AlreadyTried = referral.AlreadyTried,
            ParentsInformed = referral.ParentsInformed,
            ParentsInformedOn = referral.ParentsInformedOn,
            RequestId = referral.RequestId,
            Version = referral.Version,
        }, cancellationToken, id);
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, ReferralForm form, [FromServices] IValidator<ReferralForm> validator,
        [FromServices] EditReferral editReferral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            return await FormView("Edit", form, cancellationToken, id);
        }

        var result = await editReferral.HandleAsync(id, form, cancellationToken);
        return await this.RespondAsync(result, form.WantsSubmit
                ? "De aanmelding is ingediend; de zorgcoördinator is op de hoogte gebracht."
                : "Het concept is opgeslagen.",
            () => RedirectToAction(nameof(Details), new { id }), () => FormView("Edit", form, cancellationToken, id));
    }

    [HttpPost]
    public async Task<IActionResult> Submit(int id, Guid version, [FromServices] SubmitReferral submit,
        CancellationToken cancellationToken) =>
        await pages.AfterAsync(this, await submit.HandleAsync(id, version, cancellationToken), id, new object(),
            "De aanmelding is ingediend; de zorgcoördinator is op de hoogte gebracht.", cancellationToken);

    /// <summary>
    /// The referral, and once triaged the care case. Not behind a role policy: whoever may not read
    /// this referral gets the same 404.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await pages.ShowAsync(this, id, cancellationToken: cancellationToken);

    private async Task<IActionResult> FormView(string view, ReferralForm form, CancellationToken cancellationToken,
        int? id = null)
    {
        ViewData["Pupils"] = await pupils.HandleAsync(cancellationToken);
        ViewData["ReferralId"] = id;
        return View(view, form);
    }
}
