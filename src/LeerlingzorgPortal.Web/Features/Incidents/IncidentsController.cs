using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Incidents;

/// <summary>The incident log. Any staff member reports; what one may see is decided per incident (IncidentAccess).</summary>
public sealed class IncidentsController(IncidentWork work, IncidentQueries queries, AuditLog audit, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(IncidentCategory? category, int? page, CancellationToken cancellationToken)
    {
        ViewData["Category"] = category;
        ViewData["MayReport"] = await work.MayReportAsync(cancellationToken);
        return View(await queries.ListAsync(category, page, cancellationToken));
    }

    /// <summary>The form starts without a roster: pupils are found by a search (or come preselected from a pupil page).</summary>
    [HttpGet]
    public async Task<IActionResult> Create(int? pupilId, CancellationToken cancellationToken)
    {
        if (!await work.MayReportAsync(cancellationToken))
        {
            return Forbid();
        }

        var now = clock.GetUtcNow();
        var form = new IncidentForm { Date = DateOnly.FromDateTime(now.UtcDateTime), Time = new TimeOnly(now.Hour, 0) };
        if (pupilId is int id)
        {
            form.Choose(id);
        }

        return await FormView(form, PupilSearchResult.None, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Create(IncidentForm form, [FromServices] IValidator<IncidentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await work.MayReportAsync(cancellationToken))
        {
            return Forbid();
        }

        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var (result, id) = await work.ReportAsync(form, cancellationToken);
            if (id is not null)
            {
                TempData["Message"] = "Het incident is gemeld.";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
        }

        return await FormView(form, PupilSearchResult.None, cancellationToken);
    }

    /// <summary>
    /// The pupil search of the incident form, without JavaScript: the whole form is posted here, so nothing typed
    /// is lost; "Zoeken" searches, "Kies" adds a pupil, "Verwijderen" takes one off. Finds only pupils the person
    /// may name (IncidentAccess.NameableBy); nothing is saved.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> PupilSearch(IncidentForm form, int? choose, int? remove, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await work.MayReportAsync(cancellationToken))
        {
            return Forbid();
        }

        // The form is shown again from the model, not from what was posted and bound.
        ModelState.Clear();
        if (remove is int row && row >= 0 && row < form.Pupils.Count)
        {
            form.Pupils.RemoveAt(row);
        }

        if (choose is int pupilId && !form.Choose(pupilId) && form.Pupils.Count >= IncidentForm.Rows)
        {
            ModelState.AddModelError(nameof(form.Pupils), "Hoogstens 6 leerlingen per melding; beschrijf de anderen in de tekst.");
        }

        form.Compact();
        var chosen = form.Pupils.Select(p => p.PupilId!.Value).ToList();
        var found = await work.SearchPupilsAsync(form.Search, chosen, cancellationToken);
        return await FormView(form, found, cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) => await ShowAsync(id, null, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> ChangeRole(int id, int pupilId, IncidentRole role, CancellationToken cancellationToken)
    {
        var result = await work.ChangeRoleAsync(id, pupilId, role, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? "De rol is aangepast." : result.Errors[0].Message;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> FollowUp(int id, FollowUpForm form, [FromServices] IValidator<FollowUpForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await this.RunValidatedAsync(form, validator, () => work.FollowUpAsync(id, form, cancellationToken), cancellationToken);
        return await this.RespondAsync(result, "Het actiepunt staat in het zorgtraject en bij de eigenaar.",
            () => RedirectToAction(nameof(Details), new { id }), () => ShowAsync(id, form, cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(int id, object? form, CancellationToken cancellationToken)
    {
        var page = await queries.PageAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        foreach (var pupil in page.Visible)
        {
            audit.Add(AuditAction.Read, nameof(Incident), id.ToString(CultureInfo.InvariantCulture), pupil.PupilId);
        }

        await audit.RecordAsync(AuditAction.Read, nameof(Incident), id.ToString(CultureInfo.InvariantCulture), null, cancellationToken);
        ViewData["Form"] = form;
        return View("Details", page);
    }

    private async Task<IActionResult> FormView(IncidentForm form, PupilSearchResult found, CancellationToken cancellationToken)
    {
        // Chosen pupils are shown by name only when the person may name them; other posted ids are dropped.
        var names = await work.NameablePupilsAsync(form.Compact().Pupils.Select(p => p.PupilId!.Value).ToList(), cancellationToken);
        form.Pupils.RemoveAll(p => !names.ContainsKey(p.PupilId!.Value));
        ViewData["Names"] = names;
        ViewData["Found"] = found;
        ViewData["CustomCategories"] = await work.CustomCategoriesAsync(cancellationToken);
        return View("Create", form);
    }
}
