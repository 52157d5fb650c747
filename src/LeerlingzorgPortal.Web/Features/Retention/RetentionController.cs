using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Retention;

/// <summary>
/// "Bewaartermijnen verlopen": the coordinator's due list of the own locations, one review with
/// what it removes, confirm or postpone. Reviews of other locations answer 404.
/// </summary>
public sealed class RetentionController(RetentionWork work, CurrentStaff currentStaff) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.ReviewsRetention)]
    public async Task<IActionResult> Index(int? page, bool postponed, CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        ViewData["Postponed"] = postponed;
        return View(await work.DueListAsync(scope, postponed, page, cancellationToken));
    }

    [HttpGet]
    [Authorize(Policy = Policies.ReviewsRetention)]
    public async Task<IActionResult> Review(int id, CancellationToken cancellationToken)
    {
        var page = await work.PageAsync(id, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost]
    [Authorize(Policy = Policies.ReviewsRetention)]
    public async Task<IActionResult> Confirm(int id, CancellationToken cancellationToken)
    {
        var result = await work.ConfirmAsync(id, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return await ReviewAgainAsync(id, result, new PostponeForm(), cancellationToken);
        }

        TempData["Message"] = "De gegevens zijn verwijderd of geanonimiseerd. In het logboek staat alleen dát er verwijderd is, met de aantallen.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    [Authorize(Policy = Policies.ReviewsRetention)]
    public async Task<IActionResult> Postpone(int id, PostponeForm form, [FromServices] IValidator<PostponeForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var valid = ModelState.IsValid & ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken));
        var result = valid ? await work.PostponeAsync(id, form, cancellationToken) : CommandResult.Invalid([]);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            return await ReviewAgainAsync(id, result, form, cancellationToken);
        }

        TempData["Message"] = "De verwijdering is uitgesteld.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The leaving date set by hand: coordinators for their own locations, the admin for every pupil.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.SetsLeavingDate)]
    public async Task<IActionResult> LeavingDate(int id, [FromServices] PortalDbContext db, CancellationToken cancellationToken)
    {
        var pupil = await LoadPupilAsync(db, id, cancellationToken);
        if (pupil is null)
        {
            return NotFound();
        }

        ViewData["Pupil"] = pupil;
        return View(new LeavingDateForm { LeftOn = pupil.LeftOn });
    }

    [HttpPost]
    [Authorize(Policy = Policies.SetsLeavingDate)]
    public async Task<IActionResult> LeavingDate(int id, LeavingDateForm form, [FromServices] PortalDbContext db,
        [FromServices] TimeProvider clock, [FromServices] AuditLog audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pupil = await LoadPupilAsync(db, id, cancellationToken);
        if (pupil is null)
        {
            return NotFound();
        }

        ViewData["Pupil"] = pupil;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            pupil.SetLeavingDate(form.LeftOn, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(nameof(LeavingDateForm.LeftOn), e.Message);
            return View(form);
        }

        audit.Add(AuditAction.Update, "PupilLeavingDate", pupil.Id.ToString(CultureInfo.InvariantCulture), pupil.Id);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = form.LeftOn is null ? "De vertrekdatum is gewist." : $"De vertrekdatum is vastgelegd op {Dutch.Date(form.LeftOn.Value)}.";
        return RedirectToAction(nameof(LeavingDate), new { id });
    }

    private async Task<Pupil?> LoadPupilAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var pupil = await db.Pupils.Include(p => p.Location).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var mayChange = pupil is not null && !pupil.IsAnonymised && RetentionAccess.SetsLeavingDateAt(scope, pupil.LocationId);
        return mayChange ? pupil : null;
    }

    private async Task<IActionResult> ReviewAgainAsync(int id, CommandResult result, PostponeForm form, CancellationToken cancellationToken)
    {
        result.CopyTo(ModelState);
        var page = await work.PageAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        ViewData["PostponeForm"] = form;
        return View(nameof(Review), page);
    }
}

/// <summary>Inzage: the printable export of everything kept about one pupil, and the same as a JSON download.</summary>
[Authorize(Policy = Policies.ReviewsRetention)]
[Route("Inzage")]
public sealed class InzageController(InzageQuery query) : Controller
{
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var export = await query.HandleAsync(id, "html", cancellationToken);
        return export is null ? NotFound() : View(export);
    }

    [HttpGet("{id:int}/Download")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var export = await query.HandleAsync(id, "json", cancellationToken);
        if (export is null)
        {
            return NotFound();
        }

        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, InzageQuery.Json);
        return File(json, "application/json", $"inzage-leerling-{id}-{export.GeneratedAt:yyyyMMdd}.json");
    }
}
