using FluentValidation;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The zorgjaarverslag: figures per location and school year, with the coordinator's texts.</summary>
[Authorize(Policy = Policies.SeesReports)]
[Route("Reports/YearReport")]
public sealed class YearReportsController(ReportLocations reportLocations, CareYearReportQuery query, CareYearReportWork work,
    IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? locationId, int? year, CancellationToken cancellationToken)
    {
        var page = await PageAsync(locationId, year, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("Edit")]
    public async Task<IActionResult> Edit(int locationId, int year, CancellationToken cancellationToken)
    {
        if (await WritableAsync(locationId, year, cancellationToken) is not { } writable)
        {
            return NotFound();
        }

        var (location, schoolYear) = writable;

        var sections = await query.SectionsAsync(locationId, schoolYear, cancellationToken);
        return View(new CareYearReportEditPage(location, schoolYear, sections.Form));
    }

    [HttpPost("Edit")]
    public async Task<IActionResult> Edit(int locationId, int year, CareYearReportForm form, [FromServices] IValidator<CareYearReportForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        if (await WritableAsync(locationId, year, cancellationToken) is not { } writable)
        {
            return NotFound();
        }

        var (location, schoolYear) = writable;

        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await work.SaveAsync(locationId, schoolYear, form, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = $"Het zorgjaarverslag {schoolYear} van {location.Name} is opgeslagen.";
                return RedirectToAction(nameof(Index), new { locationId, year });
            }

            result.CopyTo(ModelState);
            if (result.Status == CommandStatus.Conflict)
            {
                // Keep the user's text; a second save goes through on purpose, on top of the newest one.
                ModelState.Remove(nameof(form.ConcurrencyToken));
                form.ConcurrencyToken = (await query.SectionsAsync(locationId, schoolYear, cancellationToken)).ConcurrencyToken;
            }
        }

        return View(new CareYearReportEditPage(location, schoolYear, form));
    }

    /// <summary>
    /// The report of a reachable location (the first one when none is chosen) and a choosable year. A
    /// wrong choice gets a Dutch message and the default; null only when the user has no location at all.
    /// </summary>
    private async Task<CareYearReportPage?> PageAsync(int? locationId, int? year, CancellationToken cancellationToken)
    {
        var (locations, chosen) = await reportLocations.ChooseAsync(locationId, ModelState, cancellationToken);
        if (locations.Count == 0)
        {
            return null;
        }

        var location = locations.FirstOrDefault(l => l.Id == chosen);

        // A role without names gets the school year's published period, the same the dashboard shows it (ADR 0035).
        var choice = (await authorization.AuthorizeAsync(User, Policies.SeesNamedReports)).Succeeded
            ? ReportPeriod.Choose(year, null, null, query.Today)
            : ReportPeriod.ChoosePublished(year, null, null, query.Today);
        foreach (var error in choice.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return await query.HandleAsync(locations, location ?? locations[0], choice.Period, cancellationToken);
    }

    /// <summary>
    /// The location and school year whose texts the user may write. For writing, a wrong location or
    /// year is not a filter to correct but a page that is not there (null). The figures are not needed here.
    /// </summary>
    private async Task<(FilterOption Location, SchoolYear SchoolYear)?> WritableAsync(int locationId, int year, CancellationToken cancellationToken)
    {
        var locations = await reportLocations.ReachableAsync(cancellationToken);
        var location = locations.FirstOrDefault(l => l.Id == locationId);
        var choice = ReportPeriod.Choose(year, null, null, query.Today);
        if (location is null || !choice.IsValid || !await query.MayWriteAsync(locationId, cancellationToken))
        {
            return null;
        }

        return (location, choice.Period.SchoolYear);
    }
}

public sealed record CareYearReportEditPage(FilterOption Location, SchoolYear SchoolYear, CareYearReportForm Form);
