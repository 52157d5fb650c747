using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meetings;

/// <summary>
/// Care meetings. The list and planning are for the roles that prepare meetings; a meeting itself
/// opens for those who manage it or take part, and is "not found" for everyone else.
/// </summary>
public sealed class MeetingsController(MeetingWork work, MeetingPageQuery pages, AuditLog audit, CurrentStaff currentStaff,
    TimeProvider clock, LeerlingzorgPortal.Data.PortalDbContext db, StaffLookup lookup, Agencies.AgencyOptionsQuery agencies) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.WorksWithPupils)]
    public async Task<IActionResult> Index(int? page, [FromServices] MeetingListQuery query, CancellationToken cancellationToken)
    {
        var (upcoming, past) = await query.HandleAsync(page, cancellationToken);
        ViewData["Past"] = past;
        return View(upcoming);
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        if (!MeetingAccess.MayPlan(scope))
        {
            return Forbid();
        }

        var next = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(7);
        return await FormView(new MeetingForm { Date = next, Time = new TimeOnly(14, 0), LocationId = scope.LocationIds.FirstOrDefault() }
            .WithRows(), cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Create(MeetingForm form, [FromServices] IValidator<MeetingForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!MeetingAccess.MayPlan(await currentStaff.GetScopeAsync(cancellationToken)))
        {
            return Forbid();
        }

        form.TakeKindsFrom(await agencies.HandleAsync(cancellationToken));
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var (result, id) = await work.PlanAsync(form, cancellationToken);
            if (id is not null)
            {
                TempData["Message"] = form.Count > 1 ? $"De reeks van {form.Count} overleggen is gepland." : "Het overleg is gepland.";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
        }

        return await FormView(form.WithRows(), cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) => await ShowAsync(id, null, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Agenda(int id, bool external, CancellationToken cancellationToken) =>
        await PrintAsync(id, external, MeetingView.Agenda, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Minutes(int id, bool external, CancellationToken cancellationToken) =>
        await PrintAsync(id, external, MeetingView.Minutes, cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddItem(int id, AgendaItemForm form, [FromServices] IValidator<AgendaItemForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.AddToAgendaAsync(id, form, cancellationToken), "De leerling staat op de agenda.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> RemoveItem(int id, int itemId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await work.RemoveFromAgendaAsync(id, itemId, cancellationToken), new object(), "Het agendapunt is verwijderd.",
            cancellationToken);

    [HttpPost]
    public Task<IActionResult> RecordMinutes(int id, MinutesForm form, [FromServices] IValidator<MinutesForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, async () =>
        {
            var result = await work.RecordMinutesAsync(id, form, cancellationToken);

            // The page then shows the other person's saved minutes beside the writer's own text, which stays in the fields.
            ViewData["MinutesConflict"] = result.Status == CommandStatus.Conflict;
            return result;
        }, "De notulen zijn opgeslagen.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddActionItem(int id, MeetingActionForm form, [FromServices] IValidator<MeetingActionForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.AddActionItemAsync(id, form, cancellationToken),
            "Het actiepunt staat in het zorgtraject en bij de eigenaar.", cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Close(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await work.CloseAsync(id, cancellationToken), new object(),
            "Het overleg is gesloten; de notulen zijn nu alleen nog aan te vullen.", cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddAddendum(int id, AddendumForm form, [FromServices] IValidator<AddendumForm> validator,
        CancellationToken cancellationToken) =>
        HandleAsync(id, form, validator, () => work.AddAddendumAsync(id, form, cancellationToken), "De aanvulling is toegevoegd.",
            cancellationToken);

    private async Task<IActionResult> PrintAsync(int id, bool external, MeetingView view, CancellationToken cancellationToken)
    {
        var page = await pages.HandleAsync(id, view, external, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        await RecordReadAsync(external ? "MeetingExternal" : "Meeting", id, page, cancellationToken);
        ViewData["External"] = external;
        return View(view.ToString(), page);
    }

    private async Task<IActionResult> HandleAsync<TForm>(int id, TForm form, IValidator<TForm> validator, Func<Task<CommandResult>> handle,
        string doneMessage, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await this.RunValidatedAsync(form, validator, handle, cancellationToken);
        return await AfterAsync(id, result, form, doneMessage, cancellationToken);
    }

    private Task<IActionResult> AfterAsync(int id, CommandResult result, object form, string doneMessage,
        CancellationToken cancellationToken) =>
        this.RespondAsync(result, doneMessage, () => RedirectToAction(nameof(Details), new { id }),
            () => ShowAsync(id, form, cancellationToken));

    private async Task<IActionResult> ShowAsync(int id, object? form, CancellationToken cancellationToken)
    {
        var page = await pages.HandleAsync(id, MeetingView.Page, cancellationToken: cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        await RecordReadAsync("Meeting", id, page, cancellationToken);
        ViewData["Form"] = form;
        return View("Details", page);
    }

    /// <summary>
    /// The read in the audit log with each pupil the page shows (ADR 0034), so it is in every pupil's audit trail and
    /// inzage: one line per pupil, in one command; a page without pupils gets one line without.
    /// </summary>
    private Task RecordReadAsync(string subject, int id, MeetingPage page, CancellationToken cancellationToken) =>
        audit.RecordReadOfEachAsync(subject, id.ToString(CultureInfo.InvariantCulture), page.PupilsShown, cancellationToken);

    private async Task<IActionResult> FormView(MeetingForm form, CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var locations = await db.Locations.Where(MeetingAccess.PlannableLocations(scope)).OrderBy(l => l.Name)
            .Select(l => new FilterOption(l.Id, l.Name)).ToListAsync(cancellationToken);
        ViewData["Locations"] = locations;

        // Everyone who works at one of these locations; planning checks they work at the chosen one.
        var staff = new List<StaffOption>();
        foreach (var location in locations)
        {
            staff.AddRange(await lookup.StaffAtAsync(location.Id, cancellationToken));
        }

        ViewData["Agencies"] = await agencies.HandleAsync(cancellationToken);
        ViewData["Staff"] = staff.DistinctBy(s => s.Id).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        return View("Create", form);
    }
}
