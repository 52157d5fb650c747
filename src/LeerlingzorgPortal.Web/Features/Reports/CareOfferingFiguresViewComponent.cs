using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The key figures of the care-offering report on the school leader's home page.</summary>
public sealed class CareOfferingFiguresViewComponent(CurrentStaff currentStaff, CareOfferingReportQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var locations = await query.LocationsAsync(scope, cancellationToken);
        var figures = await query.KeyFiguresAsync(locations.Select(l => l.Id).ToList(), query.CurrentSchoolYear, cancellationToken);
        return View("~/Features/Reports/_CareOfferingFigures.cshtml", figures);
    }
}
