using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

/// <summary>
/// Faciliteiten: granting, changing and withdrawing them (care staff who may work with the pupil), the
/// printable faciliteitenpas (the pupil's mentor and care staff) and the overview per mentor group for the
/// teachers (its mentors, care staff of its location). Whoever may not, gets 404, so ids reveal nothing.
/// </summary>
public sealed class AccommodationsController(AccommodationWork work, AccommodationQueries queries, AuditLog audit) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Create([FromQuery] int pupilId, CancellationToken cancellationToken)
    {
        var pupil = await work.HandleablePupilAsync(pupilId, cancellationToken);
        if (pupil is null)
        {
            return NotFound();
        }

        var today = work.Today;
        return FormView(pupil.Id, pupil.Name.FullName, new AccommodationForm
        {
            ValidFrom = today,
            ValidUntil = SchoolYear.Containing(today).LastDay,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Create([FromQuery] int pupilId, AccommodationForm form, [FromServices] IValidator<AccommodationForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pupil = await work.HandleablePupilAsync(pupilId, cancellationToken);
        if (pupil is null)
        {
            return NotFound();
        }

        DropBindingErrors();
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await work.GrantAsync(pupilId, form, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["AccommodationMessage"] = "De faciliteit is toegekend.";
                return RedirectToAction("Details", "Pupils", new { id = pupilId }, "faciliteiten");
            }

            result.CopyTo(ModelState);
        }

        return FormView(pupil.Id, pupil.Name.FullName, form);
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var inHand = await work.HandleableAsync(id, cancellationToken);
        if (inHand is null)
        {
            return NotFound();
        }

        // The edit page shows the ground: a read of care data.
        await audit.RecordAsync(AuditAction.Read, nameof(Domain.Accommodations.Accommodation), Key(id), inHand.Accommodation.PupilId, cancellationToken);
        return EditView(inHand, AccommodationForm.From(inHand.Accommodation));
    }

    [HttpPost]
    public async Task<IActionResult> Edit([FromRoute] int id, AccommodationForm form, [FromServices] IValidator<AccommodationForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inHand = await work.HandleableAsync(id, cancellationToken);
        if (inHand is null)
        {
            return NotFound();
        }

        DropBindingErrors();
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await work.ChangeAsync(id, form, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["AccommodationMessage"] = "De faciliteit is gewijzigd.";
                return RedirectToAction("Details", "Pupils", new { id = inHand.Accommodation.PupilId }, "faciliteiten");
            }

            result.CopyTo(ModelState);
        }

        return EditView(inHand, form);
    }

    [HttpPost]
    public async Task<IActionResult> Withdraw([FromRoute] int id, WithdrawAccommodationForm form,
        [FromServices] IValidator<WithdrawAccommodationForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var inHand = await work.HandleableAsync(id, cancellationToken);
        if (inHand is null)
        {
            return NotFound();
        }

        DropBindingErrors();
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await work.WithdrawAsync(id, form.WithdrawOn!.Value, form.Version, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["AccommodationMessage"] = $"De faciliteit is ingetrokken per {Dutch.Date(form.WithdrawOn.Value)}.";
                return RedirectToAction("Details", "Pupils", new { id = inHand.Accommodation.PupilId }, "faciliteiten");
            }

            foreach (var (_, message) in result.Errors)
            {
                ModelState.AddModelError(nameof(WithdrawAccommodationForm.WithdrawOn), message);
            }
        }

        ViewData["WithdrawOn"] = form.WithdrawOn;
        return EditView(inHand, AccommodationForm.From(inHand.Accommodation));
    }

    /// <summary>The faciliteitenpas: for whoever may read the pupil (its mentor, care staff); no ground on it.</summary>
    [HttpGet]
    public async Task<IActionResult> Card(int id, [FromServices] IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var pupil = await queries.LoadPupilAsync(id, cancellationToken);
        if (pupil is null || !(await authorization.AuthorizeAsync(User, pupil, Operations.Read)).Succeeded)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, "AccommodationCard", Key(pupil.Id), pupil.Id, cancellationToken);
        return View(await queries.CardAsync(pupil, cancellationToken));
    }

    /// <summary>The overview per mentor group for its teachers: accommodations only. Every pupil shown is audited.</summary>
    [HttpGet]
    public async Task<IActionResult> Group(int id, CancellationToken cancellationToken)
    {
        var overview = await queries.GroupAsync(id, cancellationToken);
        if (overview is null)
        {
            return NotFound();
        }

        foreach (var pupil in overview.Pupils)
        {
            audit.Add(AuditAction.Read, "AccommodationGroupOverview", Key(overview.GroupId), pupil.PupilId);
        }

        await audit.RecordAsync(AuditAction.Read, "AccommodationGroupOverview", Key(overview.GroupId), null, cancellationToken);
        return View(overview);
    }

    /// <summary>
    /// A value that cannot be read (an unknown kind, a date that is no date) is left empty by model binding with an
    /// English message; drop those, so the validator says in Dutch what is missing.
    /// </summary>
    private void DropBindingErrors() => ModelState.Clear();

    private ViewResult FormView(int pupilId, string pupilName, AccommodationForm form)
    {
        ViewData["PupilId"] = pupilId;
        ViewData["PupilName"] = pupilName;
        return View("Create", form);
    }

    private ViewResult EditView(AccommodationInHand inHand, AccommodationForm form)
    {
        ViewData["Id"] = inHand.Accommodation.Id;
        ViewData["PupilId"] = inHand.Accommodation.PupilId;
        ViewData["PupilName"] = inHand.PupilName;
        ViewData["EndedOn"] = inHand.Accommodation.EndedOn;
        ViewData["Today"] = work.Today;
        return View("Edit", form);
    }

    /// <summary>All expiry signals of the user (a coordinator: of their locations), paged; the home page shows the first.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.WorksCases)]
    public async Task<IActionResult> Expiring(int? page, [FromServices] AccommodationSignalsQuery signals, [FromServices] CurrentStaff currentStaff,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(currentStaff);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var coordinator = AccommodationAccess.SeesLocationSignals(scope);
        var all = await signals.HandleAsync(onlyMine: !coordinator, cancellationToken);
        var current = Paging.Clamp(page, all.Count, ExpiringPageSize);
        ViewData["ForCoordinator"] = coordinator;
        return View(new PagedList<AccommodationSignal>(all.Skip((current - 1) * ExpiringPageSize).Take(ExpiringPageSize).ToList(),
            current, ExpiringPageSize, all.Count));
    }

    private const int ExpiringPageSize = 25;

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
