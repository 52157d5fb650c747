using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

/// <summary>
/// The section "Faciliteiten" on the pupil page. The pupil page has already authorized and audited the read;
/// it tells whether the user may work with the pupil as care staff (grounds, granting) or reads as mentor.
/// </summary>
public sealed class PupilAccommodationsViewComponent(AccommodationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int pupilId, bool mayHandle) =>
        View("~/Features/Accommodations/_PupilAccommodations.cshtml",
            await queries.ForPupilAsync(pupilId, mayHandle, HttpContext.RequestAborted));
}

/// <summary>The expiry signals on the home page: a care worker's own grants, a coordinator's locations.</summary>
public sealed class AccommodationSignalsViewComponent(AccommodationSignalsQuery query, CurrentStaff currentStaff) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var scope = await currentStaff.GetScopeAsync(HttpContext.RequestAborted);
        var coordinator = AccommodationAccess.SeesLocationSignals(scope);
        if (!AccommodationAccess.GetsExpirySignals(scope))
        {
            return Content(string.Empty);
        }

        var signals = await query.HandleAsync(onlyMine: !coordinator, HttpContext.RequestAborted);
        return View("~/Features/Accommodations/_Signals.cshtml", new AccommodationSignalList(signals, coordinator, ShownOnHome));
    }

    /// <summary>The home page shows the first ones; the rest are on their own (paged) page.</summary>
    public const int ShownOnHome = 8;
}

public sealed record AccommodationSignalList(IReadOnlyList<AccommodationSignal> Signals, bool ForCoordinator, int Shown)
{
    public IEnumerable<AccommodationSignal> First => Signals.Take(Shown);

    public int More => Math.Max(0, Signals.Count - Shown);
}
