using FluentValidation;
using LeerlingzorgPortal.Web.Features.Cases.CasePage;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Cases.Triage;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>
/// The case list, and the forms on a case page. The forms are not behind a role policy: whoever may
/// not work this case gets 404, as for any record out of reach.
/// </summary>
public sealed class CareCasesController(ReferralPageResults pages, CaseWork work) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.WorksCases)]
    public async Task<IActionResult> Index(bool closed, bool? mine, int? page, [FromServices] CaseListQuery query,
        CancellationToken cancellationToken)
    {
        // Care workers start with their own cases; coordinators and level c with everything they oversee.
        var onlyMine = mine ?? !(User.IsInRole(PortalRoles.Coordinator) || User.IsInRole(PortalRoles.CareWorkerC));
        return View(await query.HandleAsync(closed, onlyMine, page, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> AddNote(int id, NoteForm form, [FromServices] IValidator<NoteForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.AddNoteAsync(id, form, cancellationToken), "Het gespreksverslag is toegevoegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> AddActionItem(int id, ActionItemForm form, [FromServices] IValidator<ActionItemForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.AddActionItemAsync(id, form, cancellationToken), "Het actiepunt is toegevoegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Close(int id, CloseForm form, [FromServices] IValidator<CloseForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.CloseAsync(id, form, cancellationToken), "Het zorgtraject is afgesloten.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> ReferOut(int id, ReferOutForm form, [FromServices] IValidator<ReferOutForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.ReferOutAsync(id, form, cancellationToken), "De doorverwijzing is vastgelegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Reassign(int id, AssignForm form, [FromServices] IValidator<AssignForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.ReassignAsync(id, form, cancellationToken), "Het zorgtraject is opnieuw toegewezen.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> AddExternalReferral(int id, ExternalReferralForm form, [FromServices] IValidator<ExternalReferralForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.AddExternalReferralAsync(id, form, cancellationToken), "De doorverwijzing naar de instantie is vastgelegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> UpdateExternalReferral(int id, ExternalReferralUpdateForm form,
        [FromServices] IValidator<ExternalReferralUpdateForm> validator, CancellationToken cancellationToken) =>
        await Handle(id, form, validator, () => work.UpdateExternalReferralAsync(id, form, cancellationToken), "De doorverwijzing is bijgewerkt.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Flag(int id, bool flagged, CancellationToken cancellationToken) =>
        await pages.AfterAsync(this, await work.FlagForDiscussionAsync(id, flagged, cancellationToken), id, new object(),
            flagged ? "Het zorgtraject is aangemerkt om te bespreken in een ZAT of MDO." : "Het zorgtraject hoeft niet meer besproken te worden.",
            cancellationToken);

    private Task<IActionResult> Handle<TForm>(int id, TForm form, IValidator<TForm> validator,
        Func<Task<CommandResult>> handle, string doneMessage, CancellationToken cancellationToken)
        where TForm : class =>
        pages.HandleFormAsync(this, id, form, validator, handle, doneMessage, cancellationToken);
}
