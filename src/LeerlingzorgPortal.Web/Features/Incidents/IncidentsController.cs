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
        return View(await queries.ListAsync(category, page, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Create(int? pupilId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var form = new IncidentForm { Date = DateOnly.FromDateTime(now.UtcDateTime), Time = new TimeOnly(now.Hour, 0) }.WithRows();
        form.Pupils[0].PupilId = pupilId;
        return await FormView(form, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Create(IncidentForm form, [FromServices] IValidator<IncidentForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
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

        return await FormView(form.WithRows(), cancellationToken);
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
        var result = ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await work.FollowUpAsync(id, form, cancellationToken)
            : new CommandResult(CommandStatus.Invalid, []);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Done:
                TempData["Message"] = "Het actiepunt staat in het zorgtraject en bij de eigenaar.";
                return RedirectToAction(nameof(Details), new { id });
            default:
                result.CopyTo(ModelState);
                return await ShowAsync(id, form, cancellationToken);
        }
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

    private async Task<IActionResult> FormView(IncidentForm form, CancellationToken cancellationToken)
    {
        ViewData["Pupils"] = await work.ReportablePupilsAsync(cancellationToken);
        ViewData["CustomCategories"] = await work.CustomCategoriesAsync(cancellationToken);
        return View("Create", form);
    }
}
