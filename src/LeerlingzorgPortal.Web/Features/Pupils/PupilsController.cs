using FluentValidation;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Pupils;

public sealed class PupilsController(
    CurrentStaff currentStaff,
    IAuthorizationService authorization,
    AuditLog audit) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.WorksWithPupils)]
    public async Task<IActionResult> Index([FromQuery] PupilListFilter filter, [FromServices] PupilListQuery query,
        [FromServices] IValidator<PupilListFilter> validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(filter, cancellationToken)))
        {
            filter.Search = null;
            filter.Page = null;
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        return View(await query.HandleAsync(scope, filter, cancellationToken));
    }

    /// <summary>
    /// A pupil's page. Not behind a role policy on purpose: whoever may not read this pupil, for
    /// whatever reason, gets the same 404, so ids reveal nothing.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Details(int id, [FromServices] PupilDetailsQuery query,
        [FromServices] PupilCareStaff pupilCareStaff, [FromServices] PupilConsentsQuery consents, [FromServices] Handovers.HandoverWork handovers,
        CancellationToken cancellationToken)
    {
        var pupil = await query.LoadAsync(id, cancellationToken);
        if (pupil is null || !(await authorization.AuthorizeAsync(User, pupil, Operations.Read)).Succeeded)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, "Pupil", pupil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            pupil.Id, cancellationToken);
        // Consent and the warm handover are recorded by the same people: care staff who may read the pupil.
        var mayHandle = await pupilCareStaff.MayHandleAsync(pupil, cancellationToken);
        ViewData["MayRecordConsent"] = mayHandle;
        ViewData["Consents"] = await consents.HandleAsync(pupil.Id, cancellationToken);
        ViewData["MayHandleHandover"] = mayHandle;
        ViewData["Handover"] = mayHandle ? await handovers.ForPupilAsync(pupil.Id, cancellationToken) : null;
        return View(await query.ToDetailsAsync(pupil, cancellationToken));
    }

    /// <summary>The pupil's chronology, filtered to what the user may read; every view is audited.</summary>
    [HttpGet]
    public async Task<IActionResult> Timeline(int id, TimelineKind? kind, int? page, [FromServices] TimelineQuery query,
        CancellationToken cancellationToken)
    {
        var timeline = await query.HandleAsync(id, kind, page, cancellationToken);
        if (timeline is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, "Timeline", id.ToString(System.Globalization.CultureInfo.InvariantCulture), id,
            cancellationToken);
        return View(timeline);
    }
}
