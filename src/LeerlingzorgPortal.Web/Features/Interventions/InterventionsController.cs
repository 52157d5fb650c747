using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.CasePage;
using LeerlingzorgPortal.Web.Features.Cases.Enrolments;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Interventions;

/// <summary>
/// The care offering (zorgaanbod): every member of staff reads the catalogue; coordinators and care
/// workers b and c keep it. Enrolments are made from a case page and handled on the intervention's
/// page by care staff who may work with the pupil; for everyone else those ids answer 404.
/// </summary>
public sealed class InterventionsController(InterventionWork work, AuditLog audit) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(SupportLevel? level, InterventionState? state, int? page, [FromServices] InterventionListQuery query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return View(await query.HandleAsync(level, state ?? InterventionState.Active, page, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, [FromServices] InterventionPageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await query.HandleAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        // Naming a pupil as a participant is a read of their care dossier.
        foreach (var pupilId in page.NamedPupilIds)
        {
            audit.Add(AuditAction.Read, "InterventionParticipants", Key(id), pupilId);
        }

        await audit.RecordAsync(AuditAction.Read, "Intervention", Key(id), null, cancellationToken);
        return View(page);
    }

    [HttpGet]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public IActionResult Create() => View(new InterventionForm { SupportLevel = SupportLevel.Basic });

    [HttpPost]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> Create(InterventionForm form, [FromServices] IValidator<InterventionForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var (result, id) = await work.CreateAsync(form, cancellationToken);
            if (id is not null)
            {
                TempData["Message"] = "De interventie is toegevoegd aan het zorgaanbod.";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
        }

        return View(form);
    }

    [HttpGet]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> Edit(int id, [FromServices] PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var intervention = await db.Interventions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intervention is null)
        {
            return NotFound();
        }

        ViewData["Id"] = id;
        return View(InterventionForm.From(intervention));
    }

    [HttpPost]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> Edit(int id, InterventionForm form, [FromServices] IValidator<InterventionForm> validator,
        [FromServices] PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(db);
        var result = ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await work.UpdateAsync(id, form, cancellationToken)
            : new CommandResult(CommandStatus.Invalid, []);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Done:
                TempData["Message"] = "De interventie is opgeslagen.";
                return RedirectToAction(nameof(Details), new { id });
            case CommandStatus.Conflict:
                // Let the user save again on purpose against the current version.
                form.Version = await db.Interventions.Where(i => i.Id == id).Select(i => (Guid?)i.Version).SingleOrDefaultAsync(cancellationToken);
                ModelState.Remove(nameof(form.Version));
                break;
        }

        result.CopyTo(ModelState);
        ViewData["Id"] = id;
        return View(form);
    }

    [HttpPost]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        var result = await work.SetActiveAsync(id, active, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
            return RedirectToAction(nameof(Details), new { id });
        }

        TempData["Message"] = active
            ? "De interventie is weer in gebruik."
            : "De interventie is uit gebruik genomen; lopende deelnames en de geschiedenis blijven bewaard.";
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The enrolment form on a case page: answers with the case page, like every case form.</summary>
    [HttpPost]
    public Task<IActionResult> Enrol(int referralId, EnrolForm form, [FromServices] IValidator<EnrolForm> validator,
        [FromServices] ReferralPageResults pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(pages);
        return pages.HandleFormAsync(this, referralId, form, validator, () => work.EnrolAsync(referralId, form, cancellationToken),
            form.WaitingList ? "De leerling staat op de wachtlijst." : "De leerling is ingeschreven.", cancellationToken);
    }

    [HttpPost]
    public Task<IActionResult> Admit(int id, AdmitForm form, [FromServices] IValidator<AdmitForm> validator, CancellationToken cancellationToken) =>
        OnEnrolmentAsync(id, form, validator, () => work.AdmitAsync(id, form, cancellationToken), "De leerling is geplaatst.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> Finish(int id, FinishForm form, [FromServices] IValidator<FinishForm> validator, CancellationToken cancellationToken) =>
        OnEnrolmentAsync(id, form, validator, () => work.FinishAsync(id, form, cancellationToken), "De deelname is afgerond.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> Withdraw(int id, WithdrawForm form, [FromServices] IValidator<WithdrawForm> validator,
        CancellationToken cancellationToken) =>
        OnEnrolmentAsync(id, form, validator, () => work.WithdrawAsync(id, form, cancellationToken), "De leerling is afgemeld.", cancellationToken);

    /// <summary>The forms next to a participant: done or not, back to the intervention with a message (Post-Redirect-Get).</summary>
    private async Task<IActionResult> OnEnrolmentAsync<TForm>(int id, TForm form, IValidator<TForm> validator, Func<Task<CommandResult>> handle,
        string doneMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var validation = await validator.ValidateAsync(form, cancellationToken);
        var result = validation.IsValid
            ? await handle()
            : CommandResult.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = doneMessage;
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
