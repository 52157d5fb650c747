using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

[Authorize(Policy = Policies.SeesReports)]
public sealed class ReportsController(CurrentStaff currentStaff, CareOfferingReportQuery careOffering) : Controller
{
    /// <summary>The care offering and accommodations: counts for the locations the user oversees.</summary>
    [HttpGet]
    public async Task<IActionResult> CareOffering(int? locationId, int? year, CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var locations = await careOffering.LocationsAsync(scope, cancellationToken);
        var current = careOffering.CurrentSchoolYear;
        var schoolYear = current;
        if (locationId is int id && locations.All(l => l.Id != id))
        {
            ModelState.AddModelError("locationId", "Kies een locatie waarvoor je rapportages mag zien.");
            locationId = null;
        }

        if (year is int start)
        {
            if (start > current.StartYear || start < current.StartYear - CareOfferingPage.YearsBack)
            {
                ModelState.AddModelError("year", $"Kies een schooljaar van {current.StartYear - CareOfferingPage.YearsBack} tot en met {current}.");
            }
            else
            {
                schoolYear = new SchoolYear(start);
            }
        }

        var report = await careOffering.HandleAsync(locations, locationId, schoolYear, cancellationToken);
        return View(new CareOfferingPage(report, current));
    }
}

public sealed record CareOfferingPage(CareOfferingReport Report, SchoolYear CurrentYear)
{
    /// <summary>How many earlier school years can be chosen.</summary>
    public const int YearsBack = 4;

    public IEnumerable<SchoolYear> Years =>
        Enumerable.Range(0, YearsBack + 1).Select(back => new SchoolYear(CurrentYear.StartYear - back));
}
