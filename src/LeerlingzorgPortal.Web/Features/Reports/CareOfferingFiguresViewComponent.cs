using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The key figures of the care-offering report on the school leader's home page.</summary>
public sealed class CareOfferingFiguresViewComponent(ReportLocations reportLocations, CareOfferingReportQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var locations = await reportLocations.ReachableAsync(cancellationToken);
        var figures = await query.KeyFiguresAsync(locations, null, query.CurrentSchoolYear, cancellationToken);
        return View("~/Features/Reports/_CareOfferingFigures.cshtml", figures);
    }
}
