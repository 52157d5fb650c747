using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meldcode;

public sealed record MeldcodePage(MeldcodeTrack Track, string PupilName, IReadOnlyDictionary<string, string> Names, IReadOnlyList<StaffOption> Staff,
    DateOnly Today)
{
    public string Name(string id) => Names.TryGetValue(id, out var name) ? name : "–";
}

/// <summary>The meldcode: every URL answers 404 to whoever is not the location's coordinator or added to the track.</summary>
public sealed class MeldcodeController(MeldcodeWork work, AuditLog audit, PortalDbContext db, StaffLookup staff, TimeProvider clock) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index([FromServices] MeldcodeListQuery query, CancellationToken cancellationToken) =>
        View(await query.HandleAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Start(int referralId, CancellationToken cancellationToken)
    {
        var id = await work.StartAsync(referralId, cancellationToken);
        if (id is null)
        {
            return NotFound();
        }

        TempData["Message"] = "Het meldcodetraject is gestart. Alleen de zorgcoördinator en wie je toevoegt, zien het.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) => await ShowAsync(id, null, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Step(int id, int step, StepForm form, [FromServices] IValidator<StepForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await this.RunValidatedAsync(form, validator, () => work.RecordAsync(id, step, form, cancellationToken),
            cancellationToken);
        return await AfterAsync(id, result, form, $"Stap {step} is vastgelegd.", cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> AddMember(int id, string? staffId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await work.AddMemberAsync(id, staffId, cancellationToken), new object(), "De medewerker is toegevoegd.", cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Close(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await work.CloseAsync(id, cancellationToken), new object(), "Het meldcodetraject is afgesloten.", cancellationToken);

    private Task<IActionResult> AfterAsync(int id, CommandResult result, object form, string doneMessage, CancellationToken cancellationToken) =>
        this.RespondAsync(result, doneMessage, () => RedirectToAction(nameof(Details), new { id }), () => ShowAsync(id, form, cancellationToken));

    private async Task<IActionResult> ShowAsync(int id, object? form, CancellationToken cancellationToken)
    {
        var track = await work.LoadAsync(id, cancellationToken);
        if (track is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, nameof(MeldcodeTrack), id.ToString(CultureInfo.InvariantCulture), track.PupilId, cancellationToken);
        var pupil = await db.Pupils.AsNoTracking().SingleAsync(p => p.Id == track.PupilId, cancellationToken);
        var names = await staff.NamesAsync(track.Members.Select(m => m.StaffMemberId).Concat(track.Entries.Select(e => e.ById)), cancellationToken);
        ViewData["Form"] = form;
        return View("Details", new MeldcodePage(track, pupil.Name.FullName, names, await staff.StaffAtAsync(track.LocationId, cancellationToken),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
