using System.Globalization;
using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Agencies;

/// <summary>
/// The sociale kaart: the agencies the school works with and refers to. Every member of staff reads
/// it; coordinators and care workers b and c keep it (as the domain says; the admin reads only).
/// Meetings and external referrals pick their agencies from it.
/// </summary>
public sealed class AgenciesController(AgencyWork work) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? search, PartnerKind? kind, string? region, bool all, int? page,
        [FromServices] AgencyListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (search?.Length > 100)
        {
            ModelState.AddModelError(nameof(search), "Zoek op hoogstens 100 tekens.");
            search = null;
        }

        return View(await query.HandleAsync(new AgencyFilter(search, kind, region, all), page, cancellationToken));
    }

    /// <summary>The old admin screen "Instanties" moved here.</summary>
    [HttpGet("/Admin/ExternalOrganisations")]
    public IActionResult Moved() => RedirectToActionPermanent(nameof(Index));

    [HttpGet]
    public async Task<IActionResult> Details(int id, [FromServices] PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agency = await db.ExternalOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return agency is null ? NotFound() : View(agency);
    }

    [HttpGet]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public IActionResult Create() => View(new AgencyForm());

    [HttpPost]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> Create(AgencyForm form, [FromServices] IValidator<AgencyForm> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var (result, id) = await work.CreateAsync(form, cancellationToken);
            if (id is not null)
            {
                TempData["Message"] = "De instantie staat op de sociale kaart.";
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
        var agency = await db.ExternalOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        ViewData["Id"] = id;
        return View(AgencyForm.From(agency));
    }

    [HttpPost]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> Edit(int id, AgencyForm form, [FromServices] IValidator<AgencyForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        var result = ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await work.UpdateAsync(id, form, cancellationToken)
            : new CommandResult(CommandStatus.Invalid, []);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "De instantie is opgeslagen.";
            return RedirectToAction(nameof(Details), new { id });
        }

        result.CopyTo(ModelState);
        ViewData["Id"] = id;
        return View(form);
    }

    [HttpPost]
    [Authorize(Policy = Policies.MaintainsCareOffering)]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        if ((await work.SetActiveAsync(id, active, cancellationToken)).Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = active
            ? "De instantie is weer in gebruik."
            : "De instantie is uit gebruik genomen; bestaande doorverwijzingen houden haar naam.";
        return RedirectToAction(nameof(Details), new { id = id.ToString(CultureInfo.InvariantCulture) });
    }
}
