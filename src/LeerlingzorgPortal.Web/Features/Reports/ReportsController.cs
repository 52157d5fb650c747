using System.Globalization;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

[Authorize(Policy = Policies.SeesReports)]
public sealed partial class ReportsController(ReportLocations reportLocations, CareOfferingReportQuery careOffering, CareFiguresReportQuery careFigures,
    IAuthorizationService authorization)
    : Controller
{
    /// <summary>The care offering and accommodations: counts for the locations the user oversees.</summary>
    [HttpGet]
    public async Task<IActionResult> CareOffering(int? locationId, int? year, CancellationToken cancellationToken)
    {
        var (report, current) = await ReportAsync(locationId, year, cancellationToken);
        return View(new CareOfferingPage(report, current));
    }

    /// <summary>One table of that report as CSV or Excel, as shown on screen (small cells hidden); audited.</summary>
    [HttpGet]
    public async Task<IActionResult> CareOfferingExport(string? table, string? format, int? locationId, int? year,
        [FromServices] AuditLog audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (table is not ("interventies" or "faciliteiten") || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var (report, _) = await ReportAsync(locationId, year, cancellationToken);
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var chosen = table == "interventies" ? report.Interventions : report.Accommodations;
        return await FileAsync(chosen, $"zorgaanbod-{table}-{report.SchoolYear}", format, table == "interventies" ? "Interventies" : "Faciliteiten",
            $"CareOfferingReport:{table}:{report.SchoolYear}:{locationId?.ToString(CultureInfo.InvariantCulture) ?? "alle"}", audit, cancellationToken);
    }

    /// <summary>Care now, in counts: open cases by support level per location and the caseload per care worker.</summary>
    [HttpGet]
    public async Task<IActionResult> Care(int? locationId, CancellationToken cancellationToken)
    {
        var report = await CareFiguresAsync(locationId, cancellationToken);
        return View(report);
    }

    /// <summary>One table of the care figures as CSV or Excel; audited.</summary>
    [HttpGet]
    public async Task<IActionResult> CareExport(string? table, string? format, int? locationId, [FromServices] AuditLog audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (table is not ("niveaus" or "caseload") || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var report = await CareFiguresAsync(locationId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var chosen = table == "niveaus" ? report.OpenCasesByLevel : report.Caseload;
        return await FileAsync(chosen, $"zorg-{table}", format, table == "niveaus" ? "Trajecten per niveau" : "Caseload",
            $"CareFiguresReport:{table}:{locationId?.ToString(CultureInfo.InvariantCulture) ?? "alle"}", audit, cancellationToken);
    }

    private static async Task<IActionResult> FileAsync(ReportTable table, string name, string format, string sheet, string subject, AuditLog audit,
        CancellationToken cancellationToken)
    {
        await audit.RecordAsync(AuditAction.Export, "Report", subject, null, cancellationToken);
        return ReportExport.ToFile(table, name, format, sheet);
    }

    private async Task<CareFiguresReport> CareFiguresAsync(int? locationId, CancellationToken cancellationToken)
    {
        var (locations, location) = await LocationFilterAsync(locationId, cancellationToken);
        return await careFigures.HandleAsync(locations, location, cancellationToken);
    }

    private Task<(IReadOnlyList<FilterOption> Locations, int? LocationId)> LocationFilterAsync(int? locationId,
        CancellationToken cancellationToken) => reportLocations.ChooseAsync(locationId, ModelState, cancellationToken);

    private async Task<(CareOfferingReport Report, SchoolYear Current)> ReportAsync(int? locationId, int? year, CancellationToken cancellationToken)
    {
        var (locations, location) = await LocationFilterAsync(locationId, cancellationToken);
        var current = careOffering.CurrentSchoolYear;
        // The same year rules and Dutch messages as the dashboard; this report has no dates within the year.
        var choice = ReportPeriod.Choose(year, null, null, current.FirstDay);
        var schoolYear = current;
        if (year is int start && choice.IsValid)
        {
            schoolYear = new SchoolYear(start);
        }

        foreach (var error in choice.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return (await careOffering.HandleAsync(locations, location, schoolYear, cancellationToken), current);
    }
}

public sealed record CareOfferingPage(CareOfferingReport Report, SchoolYear CurrentYear)
{
    public IEnumerable<SchoolYear> Years => ReportYears.Choosable(CurrentYear);
}
